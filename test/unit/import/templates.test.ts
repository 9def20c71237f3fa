import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateFile } from '../../../src/import/validateFile';
import { ProblemCollector } from '../../../src/import/problems';
import { SYSTEM_PRINCIPAL } from '../../../src/auth/principal';
import { IMPORT_KINDS, KIND_SPECS } from '../../../src/import/kinds';

const DIR = path.join(__dirname, '..', '..', '..', 'templates', 'import');

/** The published templates pass the first pass (everything but the database) without a problem. */
describe('templates/import', () => {
  const files = fs.readdirSync(DIR).filter((name) => /\.(csv|xlsx)$/.test(name));

  it('has a CSV and an XLSX per kind, with English and Swedish headers, and a workbook of every kind in each language', () => {
    for (const kind of IMPORT_KINDS) {
      for (const name of [kind, KIND_SPECS[kind].names[1]]) expect(files).toEqual(expect.arrayContaining([`${name}.csv`, `${name}.xlsx`]));
    }
    expect(files).toEqual(expect.arrayContaining(['samverkan-import.xlsx', 'samverkan-import.sv.xlsx']));
  });

  it.each(files)('%s reads without problems', async (name) => {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-template-'));
    try {
      const problems = new ProblemCollector(name);
      const first = await validateFile({ filePath: path.join(DIR, name), fileName: name, kind: null, principal: SYSTEM_PRINCIPAL, problems, workDir });
      expect(problems.listed).toEqual([]);
      const valid = Object.values(first.spills).reduce((sum, spill) => sum + (spill?.count ?? 0), 0);
      expect(valid).toBe(Object.values(first.rowsRead).reduce((sum, rows) => sum + (rows ?? 0), 0));
      expect(valid).toBeGreaterThan(0);
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  });
});
