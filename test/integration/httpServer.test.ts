import { Database, createDriver } from '../../src/db/database';
import { QueryStore } from '../../src/db/queryStore';
import { buildSchema } from '../../src/schema/buildSchema';
import { createServer, type RunningServer } from '../../src/server/createServer';
import { createContext } from '../../src/context';
import { createLogger } from '../../src/logger';
import { createServiceInfoProvider } from '../../src/system/serviceInfo';
import { AnalyticsService } from '../../src/analytics/analyticsService';
import { readTestDatabaseState } from '../helpers/testDatabaseState';
import { DEVELOPMENT_ADMIN } from '../../src/auth/principal';

let db: Database;
let server: RunningServer;
const logged: string[] = [];

beforeAll(async () => {
  const state = readTestDatabaseState();
  db = new Database(createDriver(state), QueryStore.load(), state.database);
  const logger = createLogger('info', (line) => logged.push(line));
  const serviceInfo = createServiceInfoProvider(db, 'test');
  const analytics = new AnalyticsService({ db, serviceInfo, logger, timeoutMs: Number(process.env.SAMVERKAN_ANALYTICS_TIMEOUT_MS ?? 30000) });
  // One resolver that fails the way a bug would, to see what a client gets.
  const boom = { Query: { boom: () => { throw new Error('Neo.ClientError.Statement.SyntaxError at /srv/secret/path'); } } };
  server = await createServer(
    {
      schema: buildSchema([boom], ['extend type Query { "Always fails (test only)." boom: String @auth(requires: VIEWER) }']),
      logger,
      ide: true,
      authenticate: async () => DEVELOPMENT_ADMIN,
      context: async (principal) => createContext({ db, logger, serviceInfo, analytics, principal }),
      ready: async () => {
        await db.readRows('system/ping');
      },
    },
    '127.0.0.1',
    0,
  );
});

afterAll(async () => {
  await server.stop();
  await db.close();
});

const post = (body: unknown) =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (res) => ({
    status: res.status,
    body: (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions: Record<string, unknown> }> },
  }));

describe('HTTP API', () => {
  it('answers a query with the server and plugin versions', async () => {
    const { body } = await post({ query: '{ serviceInfo { version neo4jVersion gdsVersion apocVersion } }' });
    expect(body.data?.serviceInfo).toMatchObject({ version: 'test', neo4jVersion: expect.stringMatching(/^5\.26\./) });
  });

  it('tells every cache not to keep an answer, a failed one too', async () => {
    for (const query of ['{ serviceInfo { version } }', '{ boom }', '{ actors { ']) {
      const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      expect({ query, cacheControl: res.headers.get('cache-control') }).toEqual({ query, cacheControl: 'no-store' });
    }
  });

  it('masks unexpected errors and logs them', async () => {
    const { body } = await post({ query: '{ boom }' });
    expect(body.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(body)).not.toMatch(/Neo\.|secret|stack/);
    expect(logged.join('\n')).toMatch(/secret\/path/);
  });

  it('gives syntax and validation errors a code', async () => {
    expect((await post({ query: '{ actors { ' })).body.errors?.[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await post({ query: '{ nothing }' })).body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await post({ query: 'query($id: ID!) { actor(id: $id) { id } }' })).body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('serves an offline GraphiQL IDE from local files, allowed by its Content-Security-Policy', async () => {
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toMatch(/<title>Samverkan GraphQL<\/title>/);
    expect(html).not.toMatch(/https?:\/\//);
    // The CSP admits only same-origin script files: the page may have no inline script.
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(html).not.toMatch(/<script>/);
    const scripts = [...html.matchAll(/<script src="([^"]+)"><\/script>/g)].map((match) => match[1]);
    const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((match) => match[1]);
    expect(scripts).toEqual(['/ide/react.js', '/ide/react-dom.js', '/ide/graphiql.js', '/ide/start.js']);
    for (const asset of [...scripts, ...styles]) {
      expect(asset.startsWith('/')).toBe(true);
      const res = await fetch(new URL(asset, server.url));
      expect({ asset, status: res.status, type: res.headers.get('content-type')?.split(';')[0] }).toEqual({
        asset,
        status: 200,
        type: asset.endsWith('.css') ? 'text/css' : 'text/javascript',
      });
    }
    const start = await (await fetch(new URL('/ide/start.js', server.url))).text();
    expect(start).toMatch(/GraphiQL\.createFetcher\(\{ url: '\/graphql' \}\)/);
  });

  it('reports health and readiness', async () => {
    expect((await fetch(new URL('/healthz', server.url))).status).toBe(200);
    expect(await (await fetch(new URL('/readyz', server.url))).json()).toEqual({ status: 'ready' });
  });

  it('answers 503 on /readyz, quickly, when the readiness check hangs', async () => {
    const hanging = await createServer(
      { schema: buildSchema(), logger: createLogger('error', () => undefined), ide: false, authenticate: async () => DEVELOPMENT_ADMIN, context: async () => { throw new Error('unused'); }, ready: () => new Promise<void>(() => undefined), readyTimeoutMs: 300 },
      '127.0.0.1',
      0,
    );
    try {
      const res = await fetch(new URL('/readyz', hanging.url), { signal: AbortSignal.timeout(5000) });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'database unavailable', errors: [{ extensions: { code: 'DATABASE_UNAVAILABLE' } }] });
    } finally {
      await hanging.stop();
    }
  });
});
