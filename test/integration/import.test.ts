import path from 'node:path';
import { createTestApi } from '../helpers/testApi';
import { importScratch, csv, useImportDatabase } from '../fixtures/import/scratch';
import { stableId } from '../../src/import/rowRules';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'import');

describe('bulk import: CSV in, records with provenance out, idempotent', () => {
  const api = useImportDatabase();
  const scratch = importScratch();
  afterAll(() => scratch.cleanUp());
  beforeEach(() => api.wipe());

  const importFile = api.importFile;
  const version = async () => (await api.db.readRows<{ version: string }>('system/graphVersion'))[0].version;

  it('imports a Swedish semicolon CSV with a BOM, then ties, with provenance, bumping the graph version once per import', async () => {
    const before = await version();
    const actors = await importFile(path.join(FIXTURES, 'aktorer.csv'));
    expect(actors.problems.listed).toEqual([]);
    expect(actors.status).toBe('completed');
    expect(actors.kinds.actors).toMatchObject({ rows: 3, valid: 3, created: 3, updated: 0, unchanged: 0 });
    const afterActors = await version();
    expect(afterActors).not.toBe(before);
    expect(Number(afterActors.split(':')[1])).toBe(before === 'initial' ? 1 : Number(before.split(':')[1]) + 1);

    const ties = await importFile(path.join(FIXTURES, 'samarbeten.csv'));
    expect(ties.problems.listed).toEqual([]);
    expect(ties.kinds.collaborations).toMatchObject({ created: 2 });
    expect(Number((await version()).split(':')[1])).toBe(Number(afterActors.split(':')[1]) + 1);

    const graphql = await createTestApi();
    try {
      const data = await graphql.ok<{ actor: { name: string; organisationNumber: string; collaborations: { totalCount: number } } }>(
        '{ actor(id: "imp-ideella") { name ... on Association { organisationNumber } collaborations { totalCount } } }',
      );
      expect(data.actor).toMatchObject({ name: 'Malmö Ideella Test', organisationNumber: '802002-4280', collaborations: { totalCount: 1 } });
    } finally {
      await graphql.close();
    }
    const [stored] = await api.db.readRows<{ actor: Record<string, unknown> }>('actors/byIds', { ids: ['imp-bolag'] });
    expect(stored.actor).toMatchObject({ kind: 'COMPANY', importId: actors.importId, importFile: 'aktorer.csv', importRow: 3, importedBy: 'system' });
  });

  it('says so and writes nothing when the same file comes again', async () => {
    const first = await importFile(path.join(FIXTURES, 'aktorer.csv'));
    const before = await version();
    const again = await importFile(path.join(FIXTURES, 'aktorer.csv'));
    expect(again).toMatchObject({ status: 'unchanged', importId: null, graphVersion: null, previousImport: { id: first.importId } });
    expect(again.kinds.actors).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(again.message).toMatch(/Nothing to change/);
    expect(await version()).toBe(before);
  });

  it('tells created, updated and unchanged ties apart from the check pass\'s own read, in a dry run and when writing', async () => {
    const actors = scratch.write('actors.csv', csv(['id', 'kind', 'name'], [['plan-a', 'COMPANY', 'A AB'], ['plan-b', 'COMPANY', 'B AB'], ['plan-c', 'COMPANY', 'C AB']]));
    expect((await importFile(actors)).status).toBe('completed');
    const header = ['actorId', 'partnerId', 'kind', 'since', 'strength'];
    const first = await importFile(scratch.write('ties.csv', csv(header, [['plan-a', 'plan-b', 'PARTNERSHIP', '2020-01-01', 2], ['plan-b', 'plan-c', 'FUNDING', '2021-01-01', 3]])));
    expect(first.kinds.collaborations).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    // The same two ties, one with another strength, and a new one.
    const second = scratch.write('ties2.csv', csv(header, [['plan-a', 'plan-b', 'PARTNERSHIP', '2020-01-01', 5], ['plan-b', 'plan-c', 'FUNDING', '2021-01-01', 3], ['plan-a', 'plan-c', 'SERVICE', '2022-01-01', 1]]));
    const dry = await importFile(second, { dryRun: true });
    expect(dry.kinds.collaborations).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const before = await version();
    const written = await importFile(second);
    expect(written).toMatchObject({ status: 'completed' });
    expect(written.kinds.collaborations).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect(Number((await version()).split(':')[1])).toBe(Number(before.split(':')[1]) + 1);
    const [updated] = await api.db.readRows<{ existing: { strength: number; since: string } | null }>('import/planCollaborations', { ids: [stableId('tie', 'plan-a', 'plan-b', 'PARTNERSHIP', '2020-01-01')] });
    expect(updated.existing).toMatchObject({ strength: 5, since: '2020-01-01' });
    // Nothing changed now: no transaction, no import record, the graph version kept.
    const afterWrite = await version();
    const again = await importFile(second);
    expect(again).toMatchObject({ status: 'unchanged', importId: null, previousImport: { id: written.importId } });
    expect(again.kinds.collaborations).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await version()).toBe(afterWrite);
  });

  it('reports what a dry run would do and writes nothing', async () => {
    const file = scratch.write('actors.csv', csv(['id', 'kind', 'name'], [['dry-1', 'COMPANY', 'Dry AB'], ['dry-2', 'företag', 'Torr AB']]));
    const report = await importFile(file, { dryRun: true });
    expect(report).toMatchObject({ status: 'dryRun', importId: null });
    expect(report.kinds.actors).toMatchObject({ created: 2 });
    expect(await api.db.readRows('actors/byIds', { ids: ['dry-1', 'dry-2'] })).toEqual([]);
  });
});
