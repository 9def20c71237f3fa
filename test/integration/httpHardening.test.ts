import { createHash } from 'node:crypto';
import { UnauthenticatedError } from '../../src/errors';
import { DEVELOPMENT_ADMIN, type Principal } from '../../src/auth/principal';
import { startHttpTestServer, type HttpTestServer } from './httpTestServer';

/**
 * Everything that can go wrong before or around GraphQL answers the JSON error
 * body with a code and the right status: never Express's HTML page, never a stack.
 */
let api: HttpTestServer;
const ANALYST: Principal = { id: 'analyst-1', via: 'apiKey', role: 'ANALYST', organisations: [] };

beforeAll(async () => {
  api = await startHttpTestServer({
    limits: { bodyLimitBytes: 4096, rateLimitPerMinute: 1000 },
    corsOrigins: ['https://partner.example'],
    // A caller with a valid-looking header is the analyst; 'Bearer wrong' is refused; 'Bearer crash' is a bug.
    authenticate: async (req) => {
      const header = req.headers.authorization;
      if (header === 'Bearer wrong') throw new UnauthenticatedError('The bearer token is not valid. Send Authorization: Bearer <token> with a token from your identity provider.');
      if (header === 'Bearer crash') throw new Error('driver text at /srv/secret/path');
      return header ? ANALYST : DEVELOPMENT_ADMIN;
    },
  });
});

afterAll(async () => {
  await api.close();
});

const raw = async (body: string, headers: Record<string, string>) => {
  const res = await fetch(api.server.url, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: JSON.parse(text) as { errors: Array<{ message: string; extensions: { code: string } }> } };
};

const NO_LEAKS = /<html|<pre|\bat \w+ \(|node_modules|\/srv\/|stack/i;

describe('errors before GraphQL', () => {
  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    for (const body of ['{"query": ', '{"query": "{ x }"}}', '\u0000']) {
      const res = await raw(body, { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expect(res.json.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(res.json.errors[0].message).toMatch(/not valid JSON/);
      expect(res.text).not.toMatch(NO_LEAKS);
    }
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await raw(JSON.stringify({ query: `{ serviceInfo { version } } #${'x'.repeat(10_000)}` }), { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
    expect(res.json.errors[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE' }, message: expect.stringMatching(/4096 bytes/) });
    expect(res.text).not.toMatch(NO_LEAKS);
  });

  it('answers an unsupported charset or content type with 415', async () => {
    const charset = await raw('{"query":"{ serviceInfo { version } }"}', { 'content-type': 'application/json; charset=latin1' });
    expect(charset.status).toBe(415);
    expect(charset.json.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const text = await raw('{"query":"{ serviceInfo { version } }"}', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.json.errors[0]).toMatchObject({ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' }, message: expect.stringMatching(/application\/json/) });
    expect(charset.text + text.text).not.toMatch(NO_LEAKS);
  });

  it('answers an unknown route with 404 JSON', async () => {
    const res = await fetch(api.url('/nothing/here'));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ errors: [{ message: expect.stringMatching(/POST \/graphql/), extensions: { code: 'NOT_FOUND' } }] });
  });

  it('answers failed authentication with 401 and WWW-Authenticate: Bearer', async () => {
    const res = await api.post({ query: '{ serviceInfo { version } }' }, { authorization: 'Bearer wrong' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/Authorization: Bearer/) });
  });

  it('masks anything unexpected as 500 INTERNAL_SERVER_ERROR and logs it as one line', async () => {
    const before = api.logged.length;
    const res = await api.post({ query: '{ serviceInfo { version } }' }, { authorization: 'Bearer crash', 'x-request-id': 'crash-1' });
    expect(res.status).toBe(500);
    expect(res.body.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(res.body)).not.toMatch(/secret|driver text/);
    const lines = api.logged.slice(before).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((line) => line.message === 'unexpected error')).toMatchObject({ level: 'error', requestId: 'crash-1', error: expect.stringMatching(/secret\/path/) });
  });
});

describe('client-caused GraphQL failures are coded', () => {
  it('refuses subscriptions with BAD_REQUEST', async () => {
    const res = await api.post({ query: 'subscription { serviceInfo { version } }' });
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/Subscriptions are not offered/) });
  });

  it('codes a persisted-query hash mismatch and an unknown persisted query, saying what to send', async () => {
    const mismatch = await api.post({ query: '{ serviceInfo { version } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/sha256Hash/) });
    const unknown = await api.post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } });
    expect(unknown.body.errors?.[0]).toMatchObject({ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' }, message: expect.stringMatching(/full query text/) });
    const query = '{ serviceInfo { version } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const good = await api.post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(good.body.errors).toBeUndefined();
  });

  it('keeps CSRF prevention on: a GET without a preflight header is refused', async () => {
    const res = await fetch(api.url('/graphql?query=%7BserviceInfo%7Bversion%7D%7D'), { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('CORS from the allow-list', () => {
  const preflight = (origin: string) =>
    fetch(api.server.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

  it('allows a listed origin', async () => {
    const res = await preflight('https://partner.example');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });

  it('gives any other origin no CORS headers', async () => {
    const res = await preflight('https://attacker.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers and the request log', () => {
  it('sends helmet headers', async () => {
    const res = await fetch(api.url('/healthz'));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('logs one line per request with id, method, path, status, duration, principal, operation and error code, and no secrets', async () => {
    const before = api.logged.length;
    const res = await api.post(
      { query: 'query FindActor($id: ID!) { actor(id: $id) { id name } }', variables: { id: 'Ada Lovelace (a citizen)' }, operationName: 'FindActor' },
      { authorization: 'Bearer secret-token-value', 'x-api-key': 'sk_secret', cookie: 'sid=secret', 'x-request-id': 'req-42' },
    );
    expect(res.headers.get('x-request-id')).toBe('req-42');
    const lines = api.logged.slice(before);
    const line = lines.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => entry.message === 'request');
    expect(line).toMatchObject({
      requestId: 'req-42',
      req: { method: 'POST', path: '/graphql' },
      res: { status: 200 },
      durationMs: expect.any(Number),
      principal: 'analyst-1',
      operation: 'FindActor',
    });
    expect(lines.join('\n')).not.toMatch(/secret|Ada Lovelace/);
  });

  it('replaces an insane x-request-id with a generated one', async () => {
    const res = await api.post({ query: '{ serviceInfo { version } }' }, { 'x-request-id': 'bad id\twith "quotes" and far too long'.repeat(3) });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs the error code of a failed operation', async () => {
    const before = api.logged.length;
    await api.post({ query: '{ actor(id: "no-such-actor-anywhere") { id } }' });
    await api.post({ query: '{ nothing }' });
    const codes = api.logged.slice(before).map((text) => JSON.parse(text) as Record<string, unknown>).filter((entry) => entry.message === 'request').map((entry) => entry.errorCode);
    expect(codes).toContain('GRAPHQL_VALIDATION_FAILED');
  });
});
