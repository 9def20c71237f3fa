import { createMetrics } from '../../src/metrics/metrics';
import { startHttpTestServer, type HttpTestServer } from './httpTestServer';

/** GET /metrics: Prometheus text for the allowed networks or the token holder, 403 JSON for everyone else. */
const TOKEN = 'metrics-token-for-tests-0123456789';
let open: HttpTestServer;
let closed: HttpTestServer;
const metrics = createMetrics({ processMetrics: false });

beforeAll(async () => {
  open = await startHttpTestServer({ metrics, metricsAccess: { allow: ['127.0.0.0/8', '::1/128'] } });
  // Loopback is not in this allow-list, so only the token opens it.
  closed = await startHttpTestServer({ metrics: createMetrics({ processMetrics: false }), metricsAccess: { allow: ['10.0.0.0/8'], token: TOKEN } });
});

afterAll(async () => {
  await open.close();
  await closed.close();
});

const scrape = async (server: HttpTestServer, headers: Record<string, string> = {}) => {
  const res = await fetch(server.url('/metrics'), { headers });
  return { status: res.status, text: await res.text() };
};

describe('/metrics', () => {
  it('counts requests and latency by operation name, and errors by code', async () => {
    await open.post({ query: 'query Version { serviceInfo { version } }' });
    await open.post({ query: 'query Version { serviceInfo { version } }' });
    await open.post({ query: '{ nothing }' });
    await fetch(open.url('/no-such-route'));
    const { status, text } = await scrape(open);
    expect(status).toBe(200);
    expect(text).toMatch(/samverkan_http_requests_total\{route="\/graphql",method="POST",status="200",operation="Version"\} 2/);
    expect(text).toMatch(/samverkan_http_request_duration_seconds_count\{route="\/graphql",operation="Version"\} 2/);
    expect(text).toMatch(/samverkan_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 1/);
    expect(text).toMatch(/samverkan_errors_total\{code="NOT_FOUND"\} 1/);
    expect(text).toMatch(/samverkan_http_requests_total\{route="other",method="GET",status="404",operation=""\} 1/);
  });

  it('exposes the analytics histogram and the index rebuild counter for others to feed', async () => {
    metrics.analyticsSeconds.observe({ field: 'brokers' }, 0.3);
    metrics.indexRebuilds.inc({ outcome: 'ok' });
    const { text } = await scrape(open);
    expect(text).toMatch(/samverkan_analytics_duration_seconds_count\{field="brokers"\} 1/);
    expect(text).toMatch(/samverkan_collaboration_index_rebuilds_total\{outcome="ok"\} 1/);
    expect(text).toMatch(/samverkan_neo4j_unavailable_total 0/);
  });

  it('bounds operation-name labels', () => {
    const bounded = createMetrics({ processMetrics: false, maxOperationLabels: 2 });
    expect(['A', 'B', 'C', 'A', undefined, 'not a name!'].map((name) => bounded.operationLabel(name))).toEqual(['A', 'B', 'other', 'A', 'anonymous', 'other']);
  });

  it('refuses callers outside the allowed networks without the token, with 403 JSON', async () => {
    const refused = await scrape(closed);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toEqual({ errors: [{ message: expect.stringMatching(/SAMVERKAN_METRICS_ALLOW/), extensions: { code: 'FORBIDDEN' } }] });
    expect((await scrape(closed, { authorization: 'Bearer not-the-token' })).status).toBe(403);
    const allowed = await scrape(closed, { authorization: `Bearer ${TOKEN}` });
    expect(allowed.status).toBe(200);
    expect(allowed.text).toMatch(/# TYPE samverkan_http_requests_total counter/);
  });
});
