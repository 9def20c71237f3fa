import { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { createHash } from 'node:crypto';
import { apiKeyResolvers, type ApiKeyContext } from '../../src/auth/apiKeys/apiKeyResolvers';
import { ApiKeyRepository } from '../../src/auth/apiKeys/apiKeyRepository';
import { ApiKeyService } from '../../src/auth/apiKeys/apiKeyService';
import type { Principal } from '../../src/auth/principal';
import { AnalyticsService } from '../../src/analytics/analyticsService';
import { createContext, type Context } from '../../src/context';
import { createErrorFormatter } from '../../src/errors';
import { silentLogger } from '../../src/logger';
import { buildSchema } from '../../src/schema/buildSchema';
import { createServiceInfoProvider } from '../../src/system/serviceInfo';
import { createActor } from '../helpers/fixtures';
import { useTestApi } from '../helpers/testApi';

const ADMIN: Principal = { id: 'token:admin-1', via: 'token', role: 'ADMIN', organisations: [] };
const KEY_FORMAT = /^svk_([a-z2-7]{12})_([A-Za-z0-9_-]{43})$/;
const FIELDS = 'id name role organisations status createdAt createdBy expiresAt lastUsedAt revokedAt';
const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { ${FIELDS} } } }`;
const LIST = `query($first: Int, $after: String) { apiKeys(first: $first, after: $after) { totalCount nodes { ${FIELDS} } pageInfo { hasNextPage endCursor } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { ${FIELDS} } }`;

interface ApiKeyView {
  id: string;
  name: string;
  role: string;
  organisations: string[];
  status: string;
  createdBy: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
interface Result<T> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

const api = useTestApi();
let clock = new Date();
let service: ApiKeyService;
let server: ApolloServer<Context & ApiKeyContext>;

/** The real schema with the API key resolvers merged in, and a context that carries the service. */
async function run<T>(query: string, variables: Record<string, unknown> = {}, principal: Principal = ADMIN): Promise<Result<T>> {
  const serviceInfo = createServiceInfoProvider(api.db, 'test');
  const analytics = new AnalyticsService({ db: api.db, serviceInfo, logger: silentLogger, timeoutMs: 30000 });
  const contextValue = { ...createContext({ db: api.db, logger: silentLogger, serviceInfo, analytics, principal }), now: clock, apiKeys: service };
  const response = await server.executeOperation<T>({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  // Through JSON, as over HTTP: DateTime values become ISO strings.
  return JSON.parse(JSON.stringify(response.body.singleResult)) as Result<T>;
}

async function ok<T>(query: string, variables: Record<string, unknown> = {}, principal: Principal = ADMIN): Promise<T> {
  const result = await run<T>(query, variables, principal);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

const codes = (result: Result<unknown>) => (result.errors ?? []).map((error) => [error.extensions?.code, error.extensions?.field ?? null]);

async function create(input: Record<string, unknown>, principal: Principal = ADMIN): Promise<{ key: string; apiKey: ApiKeyView }> {
  return (await ok<{ createApiKey: { key: string; apiKey: ApiKeyView } }>(CREATE, { input }, principal)).createApiKey;
}

async function refusal(verify: Promise<unknown>): Promise<{ code: unknown; message: string }> {
  const error = (await verify.then(() => null, (reason: unknown) => reason)) as { message: string; extensions: Record<string, unknown> } | null;
  if (!error) throw new Error('expected the key to be refused');
  return { code: error.extensions.code, message: error.message };
}

beforeAll(async () => {
  service = new ApiKeyService({ db: api.db, logger: silentLogger, now: () => clock });
  server = new ApolloServer<Context & ApiKeyContext>({ schema: buildSchema([apiKeyResolvers]), formatError: createErrorFormatter(silentLogger) });
  await server.start();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  clock = new Date();
  await api.wipe();
  await createActor(api, { id: 'org-a', kind: 'ASSOCIATION' });
  await createActor(api, { id: 'org-b', kind: 'COMPANY' });
  await createActor(api, { id: 'cit-1', kind: 'CITIZEN' });
});

describe('API key lifecycle', () => {
  it('creates a key shown once, stores only its hash, authenticates with it and records its use', async () => {
    const { key, apiKey } = await create({ name: 'Report bot', role: 'ANALYST', organisations: ['org-a'] });
    const [, id, secret] = KEY_FORMAT.exec(key) ?? [];
    expect(apiKey).toMatchObject({ id, name: 'Report bot', role: 'ANALYST', organisations: ['org-a'], status: 'ACTIVE', createdBy: 'token:admin-1', expiresAt: null, lastUsedAt: null, revokedAt: null });

    // Neither the key nor its secret is anywhere in the database (audit entries included); the node holds the SHA-256.
    for (const text of [key, secret]) expect(await api.db.readRows('privacy/trace', { text })).toEqual([]);
    const stored = await new ApiKeyRepository(api.db).byId(id);
    expect(stored?.hash).toBe(createHash('sha256').update(secret).digest('hex'));
    // The schema has no field that could return the hash or the key later.
    const asked = await run(`{ apiKeys { nodes { id hash } } }`);
    expect(asked.errors?.[0]?.message).toMatch(/Cannot query field "hash"/);

    expect(await service.verify(key)).toEqual({ id: `apikey:${id}`, via: 'apiKey', role: 'ANALYST', organisations: ['org-a'] });
    const listed = await ok<{ apiKeys: { nodes: ApiKeyView[] } }>(LIST);
    expect(listed.apiKeys.nodes).toEqual([{ ...apiKey, lastUsedAt: clock.toISOString() }]);
  });

  it('writes lastUsedAt at most once a minute per key', async () => {
    const started = clock;
    const { key, apiKey } = await create({ name: 'Busy bot', role: 'VIEWER' });
    const lastUsed = async () => (await new ApiKeyRepository(api.db).byId(apiKey.id))?.apiKey.lastUsedAt;
    await service.verify(key);
    clock = new Date(started.getTime() + 30_000);
    await service.verify(key);
    expect(await lastUsed()).toBe(started.toISOString());
    clock = new Date(started.getTime() + 61_000);
    await service.verify(key);
    expect(await lastUsed()).toBe(clock.toISOString());
  });

  it('lists keys in pages, in id order, and counts them', async () => {
    const created = [await create({ name: 'One', role: 'VIEWER' }), await create({ name: 'Two', role: 'EDITOR', organisations: ['org-a', 'org-b'] }), await create({ name: 'Three', role: 'ADMIN' })];
    const ids = created.map((c) => c.apiKey.id).sort();
    const first = await ok<{ apiKeys: { totalCount: number; nodes: ApiKeyView[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(LIST, { first: 2 });
    expect(first.apiKeys.totalCount).toBe(3);
    expect(first.apiKeys.nodes.map((n) => n.id)).toEqual(ids.slice(0, 2));
    expect(first.apiKeys.pageInfo.hasNextPage).toBe(true);
    const second = await ok<{ apiKeys: { nodes: ApiKeyView[]; pageInfo: { hasNextPage: boolean } } }>(LIST, { first: 2, after: first.apiKeys.pageInfo.endCursor });
    expect(second.apiKeys.nodes.map((n) => n.id)).toEqual(ids.slice(2));
    expect(second.apiKeys.pageInfo.hasNextPage).toBe(false);
    expect(codes(await run(LIST, { after: 'bm90LWEtY3Vyc29y' }))).toEqual([['BAD_USER_INPUT', 'after']]);
  });

  it('revokes a key: authentication fails from then on, and a second revocation keeps the first time', async () => {
    const { key, apiKey } = await create({ name: 'Leaked bot', role: 'EDITOR', organisations: ['org-b'] });
    expect((await service.verify(key)).role).toBe('EDITOR');
    const revoked = (await ok<{ revokeApiKey: ApiKeyView }>(REVOKE, { id: apiKey.id })).revokeApiKey;
    expect(revoked).toMatchObject({ id: apiKey.id, status: 'REVOKED', revokedAt: clock.toISOString() });
    const refused = await refusal(service.verify(key));
    expect(refused).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/unknown, revoked or expired/) });
    expect(refused.message).not.toContain(key.slice(4));
    clock = new Date(clock.getTime() + 5000);
    expect((await ok<{ revokeApiKey: ApiKeyView }>(REVOKE, { id: apiKey.id })).revokeApiKey.revokedAt).toBe(revoked.revokedAt);
    expect(codes(await run(REVOKE, { id: 'nosuchkey234' }))).toEqual([['NOT_FOUND', null]]);
  });

  it('refuses an expired key, a wrong secret and a malformed key, without quoting them', async () => {
    const expiresAt = new Date(clock.getTime() + 3600_000).toISOString();
    const { key, apiKey } = await create({ name: 'Short-lived', role: 'VIEWER', expiresAt });
    expect(apiKey.expiresAt).toBe(expiresAt);
    expect((await service.verify(key)).id).toBe(`apikey:${apiKey.id}`);
    clock = new Date(clock.getTime() + 2 * 3600_000);
    expect(await refusal(service.verify(key))).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/unknown, revoked or expired/) });
    expect((await ok<{ apiKeys: { nodes: ApiKeyView[] } }>(LIST)).apiKeys.nodes[0].status).toBe('EXPIRED');

    clock = new Date();
    const live = await create({ name: 'Live', role: 'VIEWER' });
    const wrongSecret = `${live.key.slice(0, 17)}${'A'.repeat(43)}`;
    expect(await refusal(service.verify(wrongSecret))).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/unknown, revoked or expired/) });
    for (const junk of ['svk_', `${live.key}x`, 'svk_ABCDEFGHIJKL_short', live.key.replace('svk_', 'sk_')]) {
      const refused = await refusal(service.verify(junk));
      expect(refused).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/malformed/) });
      expect(refused.message).not.toContain(live.key.slice(17));
    }
  });
});

describe('creating API keys', () => {
  it('refuses bad input and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'Editor bot', role: 'EDITOR' }, 'input.organisations'],
      [{ name: 'Editor bot', role: 'EDITOR', organisations: [] }, 'input.organisations'],
      [{ name: 'Bot', role: 'ANALYST', organisations: ['org-a', 'org-nowhere'] }, 'input.organisations'],
      [{ name: 'Bot', role: 'EDITOR', organisations: ['cit-1'] }, 'input.organisations'],
      [{ name: '', role: 'VIEWER' }, 'input.name'],
      [{ name: 'x'.repeat(101), role: 'VIEWER' }, 'input.name'],
      [{ name: 'Bot', role: 'VIEWER', expiresAt: new Date(clock.getTime() - 1000).toISOString() }, 'input.expiresAt'],
    ];
    for (const [input, field] of cases) expect({ input, codes: codes(await run(CREATE, { input })) }).toEqual({ input, codes: [['BAD_USER_INPUT', field]] });
    const unknown = await run(CREATE, { input: { name: 'Bot', role: 'ANALYST', organisations: ['org-a', 'org-nowhere', 'cit-1'] } });
    expect(unknown.errors?.[0]?.message).toMatch(/"org-nowhere", "cit-1", which are not organisations/);
    expect((await ok<{ apiKeys: { totalCount: number } }>(LIST)).apiKeys.totalCount).toBe(0);
  });

  it('is for administrators only', async () => {
    const { apiKey } = await create({ name: 'Existing', role: 'VIEWER' });
    for (const role of ['VIEWER', 'ANALYST', 'EDITOR'] as const) {
      const caller: Principal = { id: `token:${role.toLowerCase()}`, via: 'token', role, organisations: ['org-a'] };
      expect(codes(await run(CREATE, { input: { name: 'Mine', role: 'ADMIN' } }, caller))).toEqual([['FORBIDDEN', null]]);
      expect(codes(await run(LIST, {}, caller))).toEqual([['FORBIDDEN', null]]);
      expect(codes(await run(REVOKE, { id: apiKey.id }, caller))).toEqual([['FORBIDDEN', null]]);
    }
    const listed = await ok<{ apiKeys: { totalCount: number; nodes: ApiKeyView[] } }>(LIST);
    expect(listed.apiKeys.totalCount).toBe(1);
    expect(listed.apiKeys.nodes[0].revokedAt).toBeNull();
  });
});
