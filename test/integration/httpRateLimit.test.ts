import type { Principal } from '../../src/auth/principal';
import { UnauthenticatedError } from '../../src/errors';
import { startHttpTestServer, type HttpTestServer } from './httpTestServer';

/** Each principal has its own budget per minute; unauthenticated callers spend their address's. */
let api: HttpTestServer;
const principal = (id: string): Principal => ({ id, via: 'apiKey', role: 'VIEWER', organisations: [] });

beforeAll(async () => {
  api = await startHttpTestServer({
    limits: { bodyLimitBytes: 1024 * 1024, rateLimitPerMinute: 3 },
    authenticate: async (req) => {
      const key = req.headers['x-api-key'];
      if (typeof key !== 'string') throw new UnauthenticatedError('Send X-Api-Key.');
      return principal(key);
    },
  });
});

afterAll(async () => {
  await api.close();
});

const query = { query: '{ serviceInfo { version } }' };

describe('rate limits', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a principal spent its budget, and leaves others alone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await api.post(query, { 'x-api-key': 'alice' })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await api.post(query, { 'x-api-key': 'alice' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/at most 3 per minute/) });
    expect((await api.post(query, { 'x-api-key': 'bob' })).status).toBe(200);
  });

  it('limits failed authentication by address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await api.post(query)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
