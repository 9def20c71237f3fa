import type { Request } from 'express';
import { Database, createDriver } from '../../src/db/database';
import { QueryStore } from '../../src/db/queryStore';
import { createLogger } from '../../src/logger';
import { importsRouter } from '../../src/import/importsRoute';
import { runImport } from '../../src/import/runImport';
import { SYSTEM_PRINCIPAL, type Principal } from '../../src/auth/principal';
import { wipeDatabase } from '../../src/seed/loadDataset';
import { readTestDatabaseState } from '../helpers/testDatabaseState';
import { principal } from '../helpers/principals';
import { startHttpTestServer, type HttpTestServer } from './httpTestServer';
import { importScratch, csv } from '../fixtures/import/scratch';

const EDITOR = principal('EDITOR', ['http-ideella'], 'editor-ideella');
const ADMIN = principal('ADMIN', [], 'admin');
const VIEWER = principal('VIEWER');
const CALLERS: Record<string, Principal> = { editor: EDITOR, admin: ADMIN, viewer: VIEWER };
const TIES = ['actorId', 'partnerId', 'kind', 'since', 'strength'];

describe('POST /imports: the import over HTTP, with the caller\'s rights', () => {
  const scratch = importScratch();
  let db: Database;
  let http: HttpTestServer;

  beforeAll(async () => {
    const state = readTestDatabaseState();
    db = new Database(createDriver(state), QueryStore.load(), state.database);
    await wipeDatabase(db);
    const actors = scratch.write('actors.csv', csv(['id', 'kind', 'name'], [['http-ideella', 'ASSOCIATION', 'Ideella'], ['http-bolag', 'COMPANY', 'Bolag'], ['http-skola', 'ACADEMIC_INSTITUTION', 'Skola']]));
    const seeded = await runImport(db, { filePath: actors, fileName: 'actors.csv', kind: null, dryRun: false, partial: false, principal: SYSTEM_PRINCIPAL });
    expect(seeded.status).toBe('completed');
    http = await startHttpTestServer({
      authenticate: async (req: Request) => CALLERS[String(req.headers['x-test-caller'])] ?? VIEWER,
      routes: [{ path: '/imports', router: importsRouter({ db, logger: createLogger('error', () => undefined), maxBytes: 4096 }) }],
    });
  });
  afterAll(async () => {
    await http.close();
    await wipeDatabase(db);
    await db.close();
    scratch.cleanUp();
  });

  const upload = async (caller: string, name: string, content: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('file', new Blob([content], { type: 'text/csv' }), name);
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    const res = await fetch(http.url('/imports'), { method: 'POST', body: form, headers: { 'x-test-caller': caller } });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const tieCount = async (id: string) => (await db.readRows<{ actorId: string; total: number }>('collaborations/countByActors', { ids: [id], asOf: null, kind: null }))[0]?.total ?? 0;

  it('lets an editor import ties with one end in its organisation, with provenance naming the editor', async () => {
    const { status, body } = await upload('editor', 'ties.csv', csv(TIES, [['http-ideella', 'http-bolag', 'PARTNERSHIP', '2024-01-01', 3]]), { kind: 'collaborations' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'completed', by: 'token:editor-ideella', kinds: { collaborations: { created: 1 } } });
    const record = await fetch(http.url(`/imports/${body.importId}`), { headers: { 'x-test-caller': 'editor' } });
    expect(await record.json()).toMatchObject({ id: body.importId, by: 'token:editor-ideella', status: 'completed', stillPresent: { collaborations: 1 } });
  });

  it('refuses, with 422 and the report, a tie outside the editor\'s organisations, and writes nothing', async () => {
    const { status, body } = await upload('editor', 'ties.csv', csv(TIES, [['http-ideella', 'http-skola', 'FUNDING', '2024-01-01', 2], ['http-bolag', 'http-skola', 'PARTNERSHIP', '2024-01-01', 3]]));
    expect(status).toBe(422);
    expect(body.status).toBe('rejected');
    expect(body.problems.listed).toEqual([expect.objectContaining({ row: 3, column: 'actorId', rule: 'forbidden' })]);
    expect(await tieCount('http-skola')).toBe(0);
  });

  it("lets an editor tie a stored citizen it registered, and refuses one another organisation registered", async () => {
    const citizens = csv(
      ['id', 'kind', 'name', 'registeredBy', 'consentGiven', 'consentDate', 'consentPurpose'],
      [
        ['http-invanare-1', 'CITIZEN', 'Invånare ett', 'http-ideella', 'ja', '2024-01-01', 'Kartläggning av samarbeten'],
        ['http-invanare-2', 'CITIZEN', 'Invånare två', 'http-skola', 'ja', '2024-01-01', 'Kartläggning av samarbeten'],
      ],
    );
    const stored = await runImport(db, { filePath: scratch.write('citizens.csv', citizens), fileName: 'citizens.csv', kind: null, dryRun: false, partial: false, principal: SYSTEM_PRINCIPAL });
    expect(stored.status).toBe('completed');
    // Neither end is the editor's organisation: the citizen it registered is what lets it in (read back from the database).
    const own = await upload('editor', 'ties.csv', csv(TIES, [['http-invanare-1', 'http-bolag', 'CO_CREATION', '2024-02-01', 2]]), { kind: 'collaborations' });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ status: 'completed', kinds: { collaborations: { created: 1 } } });
    const other = await upload('editor', 'ties.csv', csv(TIES, [['http-invanare-2', 'http-bolag', 'CO_CREATION', '2024-02-01', 2]]), { kind: 'collaborations' });
    expect(other.status).toBe(422);
    expect(other.body.problems.listed[0]).toMatchObject({ rule: 'forbidden', row: 2, column: 'actorId' });
    expect(await tieCount('http-invanare-2')).toBe(0);
  });

  it('refuses an editor creating an organisation', async () => {
    const { status, body } = await upload('editor', 'actors.csv', csv(['id', 'kind', 'name'], [['http-ny', 'COMPANY', 'Nytt AB']]));
    expect(status).toBe(422);
    expect(body.problems.listed[0]).toMatchObject({ row: 2, column: 'id', rule: 'forbidden' });
  });

  it('answers a viewer 403, another content type 415, no file 400 and too big a file 413, as JSON with a code', async () => {
    const viewer = await upload('viewer', 'ties.csv', csv(TIES, []));
    expect([viewer.status, viewer.body.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    const json = await fetch(http.url('/imports'), { method: 'POST', headers: { 'x-test-caller': 'admin', 'content-type': 'application/json' }, body: '{}' });
    expect([json.status, ((await json.json()) as any).errors[0].extensions.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const form = new FormData();
    form.append('kind', 'actors');
    const empty = await fetch(http.url('/imports'), { method: 'POST', body: form, headers: { 'x-test-caller': 'admin' } });
    expect([empty.status, ((await empty.json()) as any).errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
    const big = await upload('admin', 'actors.csv', `id,kind,name\n${'x,COMPANY,y\n'.repeat(1000)}`);
    expect([big.status, big.body.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(big.body.errors[0].message).toMatch(/4096 bytes/);
  });

  it('lets only an ADMIN withdraw an import, which removes what it created', async () => {
    const { body } = await upload('admin', 'ties.csv', csv(TIES, [['http-bolag', 'http-skola', 'SERVICE', '2024-02-01', 1]]));
    expect(body.status).toBe('completed');
    const refused = await fetch(http.url(`/imports/${body.importId}`), { method: 'DELETE', headers: { 'x-test-caller': 'editor' } });
    expect(refused.status).toBe(403);
    expect(await tieCount('http-skola')).toBe(1);
    const withdrawn = await fetch(http.url(`/imports/${body.importId}`), { method: 'DELETE', headers: { 'x-test-caller': 'admin' } });
    expect(withdrawn.status).toBe(200);
    expect(await withdrawn.json()).toMatchObject({ importId: body.importId, removed: { collaborations: 1, actors: 0 } });
    expect(await tieCount('http-skola')).toBe(0);
    expect(await tieCount('http-ideella')).toBe(1);
  });
});
