import { loadConfig } from '../../src/config';
import { startHttpTestServer, type HttpTestServer } from './httpTestServer';

/** NODE_ENV=production, nothing else set: no IDE, no introspection, helmet's headers, no CORS. */
const config = loadConfig({ NODE_ENV: 'production', SAMVERKAN_AUTH: 'development' });
let api: HttpTestServer;

beforeAll(async () => {
  api = await startHttpTestServer({ ide: config.ide, introspection: config.introspection, corsOrigins: config.corsOrigins, limits: config.limits });
});

afterAll(async () => {
  await api.close();
});

describe('production defaults', () => {
  it('serves no IDE', async () => {
    const page = await fetch(api.server.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/<html/);
    expect((await fetch(api.url('/ide/graphiql.js'))).status).toBe(404);
  });

  it('answers no introspection', async () => {
    const res = await api.post({ query: '{ __schema { types { name } } }' });
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0].message).toMatch(/introspection/i);
    expect(res.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('sends helmet headers', async () => {
    const res = await fetch(api.url('/healthz'));
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });

  it('has CORS off: no origin gets CORS headers', async () => {
    const res = await fetch(api.server.url, { method: 'OPTIONS', headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const post = await api.post({ query: '{ serviceInfo { version } }' }, { origin: 'https://partner.example' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect(post.body.errors).toBeUndefined();
  });
});
