import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { withdrawImport } from '../../src/import/withdrawImport';
import { ImportRepository } from '../../src/import/importRepository';
import { SYSTEM_PRINCIPAL } from '../../src/auth/principal';
import { readTestDatabaseState } from '../helpers/testDatabaseState';
import { importScratch, csv, useImportDatabase } from '../fixtures/import/scratch';

const ROOT = path.join(__dirname, '..', '..');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real command, as a child process against the test database; `untilPaused` kills it once it says it paused. */
function importCli(args: string[], env: Record<string, string> = {}, untilPaused = false): Promise<CliRun> {
  const state = readTestDatabaseState();
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'scripts', 'import.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: state.uri, NEO4J_USERNAME: state.username ?? 'neo4j', NEO4J_PASSWORD: state.password ?? '', LOG_LEVEL: 'error', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (untilPaused && /paused after batch/.test(stderr)) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('bulk import: crash and resume, withdraw, workbooks and JSON', () => {
  const api = useImportDatabase();
  const scratch = importScratch();
  afterAll(() => scratch.cleanUp());
  beforeEach(() => api.wipe());

  const importFile = api.importFile;
  const count = async () => (await api.db.readRows<{ total: number }>('actors/count', { kinds: null, sectors: null, search: null, areaId: null, activeAsOf: null, synthetic: null, citizenNamesOf: null }))[0]?.total;

  it('completes a killed import on the re-run, without duplicates, under the same import id', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => [`kill-${String(i).padStart(5, '0')}`, 'COMPANY', `Bolag ${i}`]);
    const file = scratch.write('actors.csv', csv(['id', 'kind', 'name'], rows));
    const killed = await importCli([file], { SAMVERKAN_IMPORT_PAUSE_AFTER_BATCH: '1' }, true);
    expect(killed.code).not.toBe(0);
    expect(await count()).toBe(5_000);
    const [running] = await new ImportRepository(api.db).bySha(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    expect(running).toMatchObject({ status: 'running', batchesDone: 1 });

    const rerun = await importCli([file, '--json']);
    expect(rerun.code).toBe(0);
    const report = JSON.parse(rerun.stdout);
    expect(report).toMatchObject({ status: 'completed', importId: running.id, resumedAfterBatch: 1, kinds: { actors: { rows: 12_000, created: 12_000, unchanged: 0 } } });
    expect(await count()).toBe(12_000);
    const imports = await new ImportRepository(api.db).bySha(report.sha256);
    expect(imports.map((row) => [row.id, row.status])).toEqual([[running.id, 'completed']]);

    const third = await importCli([file]);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/Nothing to change/);
    // Three runs of the command, each starting Node and connecting: minutes on a busy 2-core machine.
  }, 600_000);

  it('completes a tie import killed while two batches were being written at once, without duplicates', async () => {
    const actors = Array.from({ length: 60 }, (_, i) => [`duo-${String(i).padStart(3, '0')}`, 'ASSOCIATION', `Förening ${i}`]);
    expect((await importFile(scratch.write('actors.csv', csv(['id', 'kind', 'name'], actors)))).status).toBe('completed');
    // 900 ties in batches of 100: a chain over the actors, so that consecutive batches meet at their edges and rows must move between batches.
    const ties = Array.from({ length: 900 }, (_, j) => [actors[j % 60][0], actors[(j % 60 + 1 + Math.floor(j / 60)) % 60][0], 'PARTNERSHIP', `2020-01-${String(1 + Math.floor(j / 60)).padStart(2, '0')}`, 1 + (j % 5)]);
    const file = scratch.write('ties.csv', csv(['actorId', 'partnerId', 'kind', 'since', 'strength'], ties));
    const env = { SAMVERKAN_IMPORT_TIE_BATCH: '100' };
    const tiesStored = async (importId: string) => (await new ImportRepository(api.db).createdCounts(importId)).collaborations;

    const killed = await importCli([file], { ...env, SAMVERKAN_IMPORT_PAUSE_AFTER_BATCH: '3' }, true);
    expect(killed.code).not.toBe(0);
    const [running] = await new ImportRepository(api.db).bySha(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    expect(running.status).toBe('running');
    // Three committed, and perhaps the one written beside the third; each batch entirely or not at all.
    expect(running.batchesDone).toBeGreaterThanOrEqual(3);
    expect(running.batchesDone).toBeLessThan(9);
    expect(await tiesStored(running.id)).toBe(100 * (running.batchesDone as number));

    const rerun = await importCli([file, '--json'], env);
    expect(rerun.code).toBe(0);
    const report = JSON.parse(rerun.stdout);
    expect(report).toMatchObject({ status: 'completed', importId: running.id, resumedAfterBatch: running.batchesDone, kinds: { collaborations: { rows: 900, created: 900, updated: 0, unchanged: 0 } } });
    expect(await tiesStored(running.id)).toBe(900);
    const pairs = await api.db.readRows<{ actorId: string; total: number }>('collaborations/countByActors', { ids: actors.map((row) => row[0]), asOf: null, kind: null });
    expect(pairs.reduce((sum, row) => sum + row.total, 0)).toBe(2 * 900);
    // The progress records have served once the import is finished.
    expect((await new ImportRepository(api.db).bySha(report.sha256))[0]).toMatchObject({ status: 'completed', batchesDone: 0 });

    const again = await importCli([file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'unchanged', kinds: { collaborations: { unchanged: 900, created: 0 } } });
  }, 600_000);

  it('exits non-zero with the report when the file has problems', async () => {
    const file = scratch.write('actors.csv', csv(['id', 'kind', 'name'], [['cli-1', 'COMPANY', 'A'], ['cli-2', 'SPACESHIP', 'B']]));
    const run = await importCli([file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Nothing was written/);
    expect(run.stdout).toMatch(/Row 3, column kind/);
  }, 300_000);

  it('withdraws exactly what an import created, leaving its updates and everything else', async () => {
    const before = await importFile(scratch.write('actors.csv', csv(['id', 'kind', 'name'], [['keep-1', 'COMPANY', 'Kvar AB'], ['keep-2', 'COMPANY', 'Kvar 2 AB']])));
    const other = await importFile(scratch.write('ties.csv', csv(['actorId', 'partnerId', 'kind', 'since', 'strength'], [['keep-1', 'keep-2', 'PARTNERSHIP', '2020-01-01', 3]])));
    expect(other.status).toBe('completed');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Aktörer').addRows([['id', 'typ', 'namn'], ['keep-1', 'företag', 'Kvar AB (nytt namn)'], ['new-1', 'förening', 'Ny förening']]);
    workbook.addWorksheet('Samarbeten').addRows([['aktör', 'partner', 'typ', 'från', 'styrka'], ['new-1', 'keep-1', 'kunskapsutbyte', new Date(Date.UTC(2024, 0, 15)), 4]]);
    const mixed = await importFile(scratch.write('partner.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())));
    expect(mixed.problems.listed).toEqual([]);
    expect(mixed.kinds).toMatchObject({ actors: { created: 1, updated: 1 }, collaborations: { created: 1 } });

    const withdrawn = await withdrawImport(api.db, mixed.importId as string, SYSTEM_PRINCIPAL);
    expect(withdrawn.removed).toMatchObject({ actors: 1, collaborations: 1, othersTies: 0 });
    expect(withdrawn.message).toMatch(/left as they are/);
    const left = await api.db.readRows<{ actor: { id: string; name: string; importId: string; updatedByImport: string } }>('actors/byIds', { ids: ['keep-1', 'keep-2', 'new-1'] });
    expect(left.map((row) => [row.actor.id, row.actor.name, row.actor.importId, row.actor.updatedByImport ?? null])).toEqual([
      ['keep-1', 'Kvar AB (nytt namn)', before.importId, mixed.importId],
      ['keep-2', 'Kvar 2 AB', before.importId, null],
    ]);
    const ties = await api.db.readRows<{ actorId: string; total: number }>('collaborations/countByActors', { ids: ['keep-1'], asOf: null, kind: null });
    expect(ties[0].total).toBe(1);
    expect((await new ImportRepository(api.db).byId(mixed.importId as string))?.status).toBe('withdrawn');
  });

  it('reads JSON with an array per kind, Swedish keys included, and matches actors by organisation number', async () => {
    await importFile(scratch.write('actors.csv', csv(['id', 'kind', 'name', 'organisationNumber'], [['stored-org', 'ASSOCIATION', 'Lagrad förening', '802002-4280']])));
    const json = { aktörer: [{ typ: 'förening', namn: 'Lagrad förening', organisationsnummer: '8020024280', beskrivning: 'Ny beskrivning' }], areas: [{ id: 'json-area', name: 'Område', level: 'stadsdel' }], medlemskap: [{ aktör: 'stored-org', område: 'json-area', från: '2024-01-01' }] };
    const report = await importFile(scratch.write('data.json', JSON.stringify(json)));
    expect(report.problems.listed).toEqual([]);
    expect(report.kinds).toMatchObject({ actors: { updated: 1, created: 0 }, areas: { created: 1 }, memberships: { created: 1 } });
    const [stored] = await api.db.readRows<{ actor: { description: string } }>('actors/byIds', { ids: ['stored-org'] });
    expect(stored.actor.description).toBe('Ny beskrivning');
  });
});
