import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { linesOf, readCsv } from '../../../src/import/sources/csvSource';

async function rowsOf(content: string): Promise<Array<{ row: number; first: string }>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-source-'));
  const file = path.join(dir, 'actors.csv');
  fs.writeFileSync(file, content);
  const rows: Array<{ row: number; first: string }> = [];
  try {
    for await (const table of readCsv(file, { fileName: 'actors.csv', kind: null })) {
      for await (const { row, cells } of table.rows) rows.push({ row, first: cells[0] });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

describe('CSV rows and their line numbers', () => {
  it('numbers each row by the line it starts on, past blank lines and line breaks inside quoted cells', async () => {
    const lines = ['', 'id,kind,name,description', 'a-1,COMPANY,A,en rad', '', 'a-2,COMPANY,B,"två', 'rader"', 'a-3,COMPANY,C,"tre', '', 'rader"', 'a-4,COMPANY,D,'];
    for (const newline of ['\n', '\r\n']) {
      const rows = await rowsOf(`\uFEFF${lines.join(newline)}${newline}`);
      // Each row's number is its line in the file as an editor shows it (1-based).
      expect(rows).toEqual([
        { row: 3, first: 'a-1' },
        { row: 5, first: 'a-2' },
        { row: 7, first: 'a-3' },
        { row: 10, first: 'a-4' },
      ]);
      for (const { row, first } of rows) expect(lines[row - 1].startsWith(first)).toBe(true);
    }
  });

  it('counts the lines a record takes', () => {
    expect(linesOf(['a', 'b'])).toBe(1);
    expect(linesOf(['a\nb', 'c\r\nd\ne'])).toBe(4);
  });
});
