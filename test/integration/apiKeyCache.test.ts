import { ApiKeyService } from '../../src/auth/apiKeys/apiKeyService';
import { silentLogger } from '../../src/logger';
import { useTestApi } from '../helpers/testApi';

/**
 * Verification reads a key's record once per TTL, not once per request. A
 * revocation through the same instance takes effect at once; through another
 * instance (another API process), once the TTL has run out.
 */
const api = useTestApi();

it('reuses a looked-up key for its TTL, and honours revocations and expiry', async () => {
  let clock = new Date('2026-01-01T00:00:00Z');
  const queries: string[] = [];
  const options = { db: api.db, logger: silentLogger, now: () => clock, cacheTtlMs: 30_000 };
  const verifying = new ApiKeyService(options);
  const other = new ApiKeyService(options);
  const { key, apiKey } = await verifying.create({ name: 'cache test', role: 'ANALYST', expiresAt: '2026-01-01T00:01:30Z' }, 'system:test');
  const database = api.db;
  const original = database.readRows.bind(database);
  const spy = jest.spyOn(database, 'readRows').mockImplementation((name, ...rest) => {
    queries.push(name);
    return original(name, ...rest);
  });
  try {
    for (let i = 0; i < 5; i++) expect((await verifying.verify(key)).role).toBe('ANALYST');
    expect(queries.filter((name) => name === 'apiKeys/byId')).toHaveLength(1);

    await other.revoke(apiKey.id);
    expect((await verifying.verify(key)).id).toBe(`apikey:${apiKey.id}`);
    clock = new Date(clock.getTime() + 31_000);
    await expect(verifying.verify(key)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  } finally {
    spy.mockRestore();
  }

  const second = await verifying.create({ name: 'revoked here', role: 'VIEWER' }, 'system:test');
  expect((await verifying.verify(second.key)).role).toBe('VIEWER');
  await verifying.revoke(second.apiKey.id);
  await expect(verifying.verify(second.key)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });

  const expiring = await verifying.create({ name: 'expires', role: 'VIEWER', expiresAt: new Date(clock.getTime() + 10_000).toISOString() }, 'system:test');
  expect((await verifying.verify(expiring.key)).role).toBe('VIEWER');
  clock = new Date(clock.getTime() + 11_000);
  await expect(verifying.verify(expiring.key)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
});
