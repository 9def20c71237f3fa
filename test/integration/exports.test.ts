import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { malmoDataset } from '../../src/seed/malmoDataset';
import { loadDataset } from '../../src/seed/loadDataset';
import { ADMIN, ANALYST } from '../helpers/principals';
import { useTestApi } from '../helpers/testApi';
import type { HttpTestServer } from './httpTestServer';
import { startExportsTestServer } from './exportsTestServer';

/**
 * GET /exports/network.* on the real HTTP server (authentication in front of
 * the route as in the service; the X-Test-Role header picks the caller), read
 * back with NetworkX (test/helpers/networkx_roundtrip.py) and compared with the
 * API's network(include: [BETWEENNESS]).
 */
const api = useTestApi({ analyticsTimeoutMs: 110_000 });
let http: HttpTestServer;
let dir: string;

const ROSENGARD = { areaId: 'area-rosengard', asOf: '2022-06-30' };
const QUERY = 'area=area-rosengard&asOf=2022-06-30';

beforeAll(async () => {
  await api.wipe();
  await loadDataset(api.db, malmoDataset());
  http = await startExportsTestServer(api, { corsOrigins: ['https://partner.example'] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-exports-'));
});
afterAll(async () => {
  await http.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (file: string, query: string, role = 'ANALYST') => fetch(http.url(`/exports/${file}?${query}`), { headers: { 'x-test-role': role } });

/** Fetches an export and saves it under `saveAs` (the name networkx_roundtrip.py looks for). */
async function saved(file: string, query: string, role = 'ANALYST', saveAs = file): Promise<Buffer> {
  const response = await get(file, query, role);
  expect(response.status).toBe(200);
  const body = Buffer.from(await response.arrayBuffer());
  fs.writeFileSync(path.join(dir, saveAs), body);
  return body;
}

interface Read {
  nodes: string[];
  sectors: Record<string, string>;
  edgeIds: string[];
  degree: Record<string, number>;
  betweenness: Record<string, number>;
  labels: Record<string, string>;
  mode?: string;
  edgeSpans?: Record<string, [string | null, string | null]>;
  nodeSpans?: Record<string, [string | null, string | null]>;
}

async function networkx(): Promise<Record<string, Read>> {
  const { stdout } = await promisify(execFile)('python3', [path.join(__dirname, '../helpers/networkx_roundtrip.py'), dir], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as Record<string, Read>;
}

describe('GET /exports/network.*', () => {
  it.each([
    ['network.gexf', 'application/gexf+xml; charset=utf-8', 'samverkan-network-area-rosengard-2022-06-30.gexf'],
    ['network.graphml', 'application/graphml+xml; charset=utf-8', 'samverkan-network-area-rosengard-2022-06-30.graphml'],
    ['network.json', 'application/json; charset=utf-8', 'samverkan-network-area-rosengard-2022-06-30.cyjs.json'],
    ['network.csv', 'application/zip', 'samverkan-network-area-rosengard-2022-06-30.csv.zip'],
  ])('answers %s with its type and file name', async (file, type, name) => {
    const response = await get(file, QUERY);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('reads back in NetworkX with the API’s nodes, ties, sectors, degree and betweenness', async () => {
    const { network } = await api.ok<{ network: { nodes: Array<{ id: string; sector: string; degree: number; betweenness: number }>; edges: Array<{ id: string }> } }>(
      `query($scope: AnalyticsScope) { network(scope: $scope, layout: NONE, include: [BETWEENNESS]) { nodes { id sector degree betweenness } edges { id } } }`,
      { scope: ROSENGARD },
      ANALYST,
    );
    await saved('network.gexf', QUERY);
    await saved('network.graphml', QUERY);
    await saved('network.json', QUERY, 'ANALYST', 'network.cyjs.json');
    await saved('network.csv', QUERY, 'ANALYST', 'network.csv.zip');
    const read = await networkx();
    expect(Object.keys(read).sort()).toEqual(['csv', 'gexf', 'graphml', 'json']);
    const ids = network.nodes.map((node) => node.id).sort();
    const ties = network.edges.map((edge) => edge.id).sort();
    expect(network.nodes.some((node) => node.betweenness > 0)).toBe(true);
    for (const [format, found] of Object.entries(read)) {
      expect([format, found.nodes]).toEqual([format, ids]);
      expect([format, found.edgeIds]).toEqual([format, ties]);
      for (const node of network.nodes) {
        expect([format, node.id, found.sectors[node.id], found.degree[node.id]]).toEqual([format, node.id, node.sector, node.degree]);
        expect(Math.abs(found.betweenness[node.id] - node.betweenness)).toBeLessThan(1e-6);
      }
    }
  });

  it('plays the history in GEXF’s dynamic mode: every tie of from–to with its dates', async () => {
    const { network } = await api.ok<{ network: { edges: Array<{ id: string }> } }>(
      `{ network(scope: { areaId: "area-malmo", asOf: "2021-06-30" }, layout: NONE) { edges { id } } }`,
    );
    await saved('network.gexf', 'area=area-malmo&from=2013-01-01&to=2023-12-31&include=', 'ADMIN');
    const { gexf } = await networkx();
    expect(gexf.mode).toBe('dynamic');
    // The whole period holds at least the ties of one day in it, each with its start.
    expect(gexf.edgeIds.length).toBeGreaterThan(network.edges.length);
    for (const id of network.edges.map((edge) => edge.id)) expect(gexf.edgeIds).toContain(id);
    const spans = Object.values(gexf.edgeSpans ?? {});
    expect(spans.every(([start]) => start !== null && start <= '2023-12-31')).toBe(true);
    expect(spans.every(([, end]) => end === null || end >= '2013-01-01')).toBe(true);
    expect(spans.some(([, end]) => end !== null)).toBe(true);
    // Malmö Tillsammans' partnerships start on 2021-01-01.
    expect(gexf.edgeSpans?.['collab-0001']).toEqual(['2021-01-01', '2023-02-28']);
    expect(gexf.nodeSpans?.['malmo-ideella']?.[0]).toBe('2021-01-01');
  });

  it('names no citizen to a caller without citizen access, in any format', async () => {
    const { network } = await api.ok<{ network: { nodes: Array<{ id: string; label: string; sector: string }> } }>(
      `query($scope: AnalyticsScope) { network(scope: $scope, layout: NONE) { nodes { id label sector } } }`,
      { scope: ROSENGARD },
      ADMIN,
    );
    const names = network.nodes.filter((node) => node.sector === 'CITIZEN').map((node) => node.label);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => !name.startsWith('Citizen '))).toBe(true);
    for (const file of ['network.gexf', 'network.graphml', 'network.json']) {
      const text = (await saved(file, QUERY)).toString('utf8');
      for (const name of names) expect([file, text.includes(name)]).toEqual([file, false]);
      expect(text).toContain('Citizen citizen-');
    }
    const zip = await JSZip.loadAsync(await saved('network.csv', QUERY));
    const csv = (await zip.file('nodes.csv')?.async('string')) ?? '';
    for (const name of names) expect(csv.includes(name)).toBe(false);
    expect(csv).toContain('Citizen citizen-');
  });

  it.each([
    ['network.gexf', 'area=area-atlantis', 404, 'NOT_FOUND', 'area'],
    ['network.gexf', 'area=area-rosengard&asOf=2022-02-30', 400, 'BAD_USER_INPUT', 'asOf'],
    ['network.gexf', 'from=2022-01-01', 400, 'BAD_USER_INPUT', 'to'],
    ['network.gexf', 'kinds=friendship', 400, 'BAD_USER_INPUT', 'kinds'],
    ['network.gexf', 'minStrength=9', 400, 'BAD_USER_INPUT', 'scope.minStrength'],
    ['network.svg', QUERY, 404, 'NOT_FOUND', 'format'],
  ])('answers %s?%s with %i %s as JSON', async (file, query, status, code, field) => {
    const response = await get(file, query);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string; field?: string } }> };
    expect(body.errors[0].extensions.code).toBe(code);
    if (code === 'BAD_USER_INPUT' || field === 'format') expect(body.errors[0].extensions.field).toBe(field);
  });

  it('refuses a VIEWER (FORBIDDEN) and a caller without credentials (UNAUTHENTICATED)', async () => {
    const viewer = await get('network.gexf', QUERY, 'VIEWER');
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { errors: Array<{ extensions: object }> }).errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'ANALYST' });
    const nobody = await get('network.gexf', QUERY, 'NOBODY');
    expect(nobody.status).toBe(401);
    expect(((await nobody.json()) as { errors: Array<{ extensions: object }> }).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers a preflight from an allowed origin as /graphql does, and gives any other origin no CORS headers', async () => {
    const preflight = (url: URL, origin: string) =>
      fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    const exportsUrl = http.url('/exports/network.gexf');
    const allowed = await preflight(exportsUrl, 'https://partner.example');
    const graphql = await preflight(http.url('/graphql'), 'https://partner.example');
    expect(allowed.status).toBe(204);
    expect(allowed.status).toBe(graphql.status);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    expect(allowed.headers.get('access-control-allow-methods')).toBe(graphql.headers.get('access-control-allow-methods'));
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization');
    const refused = await preflight(exportsUrl, 'https://attacker.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    // The download itself names the file to a page on the allowed origin.
    const download = await fetch(http.url(`/exports/network.json?${QUERY}`), { headers: { origin: 'https://partner.example', 'x-test-role': 'ANALYST' } });
    expect(download.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    expect(download.headers.get('access-control-expose-headers')).toBe('Content-Disposition');
  });
});
