import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startExplorerApp, type ExplorerApp } from './explorerApp';
import { drawnCounts, openBrowser, waitForGraph, waitForPicture, type BrowserSession, type PageGlobals } from './browserSession';
import { apiNetwork, hasTie } from './explorerApi';
import { TimingRecorder } from './timingRecorder';
import { IDEELLA, MALMO, ROSENGARD, SENSUS } from './seedPlaces';


let server: ExplorerApp;
let browser: BrowserSession;
let page: Page;
const screenshots: string[] = [];

const timings = new TimingRecorder();

async function stepDates(): Promise<string[]> {
  // The slider's span loads after the first picture.
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__explorer.stepDates.length > 1);
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__explorer.stepDates);
}

/** Moves the slider as a user would (the input's value, then its input event) to a step date. */
async function slideTo(date: string): Promise<void> {
  const index = (await stepDates()).indexOf(date);
  expect(index).toBeGreaterThanOrEqual(0);
  await page.locator('#slider').fill(String(index));
  await waitForPicture(page, date);
}

async function chooseArea(areaId: string): Promise<void> {
  await page.selectOption('#area', areaId);
  await waitForGraph(page, { area: areaId, state: 'ready' });
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__explorer.stepDates.length > 1);
}

async function drawnIds(): Promise<string[]> {
  const ids = await page.evaluate(() => (globalThis as unknown as { __explorer: { nodeIds(): string[] } }).__explorer.nodeIds());
  return ids.sort();
}

async function drawnTie(a: string, b: string): Promise<boolean> {
  return page.evaluate(([x, y]) => (globalThis as unknown as PageGlobals).__explorer.hasEdgeBetween(x, y), [a, b]);
}

beforeAll(async () => {
  server = await startExplorerApp();
  browser = await openBrowser();
  page = browser.page;
});

afterEach(async () => {
  if (page) await timings.record(page);
});

afterAll(async () => {
  process.stdout.write(`${timings.report()}\n`);
  await browser?.close();
  await server?.close();
  if (screenshots.length) process.stdout.write(`explorer screenshots:\n${screenshots.join('\n')}\n`);
});

test('serves /explore and its assets without authentication, with a self-only CSP and cache headers', async () => {
  const pageResponse = await fetch(`${server.origin}/explore`);
  expect(pageResponse.status).toBe(200);
  const csp = pageResponse.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/https?:/);
  expect(pageResponse.headers.get('cache-control')).toBe('no-cache');
  const html = await pageResponse.text();
  expect(html).not.toMatch(/(src|href)="https?:/);
  const script = await fetch(`${server.origin}/explore/assets/explorer.js`);
  expect(script.status).toBe(200);
  expect(script.headers.get('content-type')).toMatch(/javascript/);
  expect(script.headers.get('cache-control')).toMatch(/max-age=\d+/);
});

test('draws Rosengård with the API’s node and tie count, and the slider changes them as the API says', async () => {
  await page.goto(`${server.origin}/explore`);
  await waitForPicture(page);
  await chooseArea(ROSENGARD);
  const first = await drawnCounts(page);
  const expected = await apiNetwork(server, ROSENGARD, first.asOf);
  expect(first.nodes).toBe(expected.nodes.length);
  expect(first.edges).toBe(expected.edges.length);
  // The counts line says how many ties cross sectors: those the page draws dark.
  const crossing = expected.edges.filter((e) => expected.sectors.get(e.source) !== expected.sectors.get(e.target));
  expect(expected.edges.filter((e) => e.crossesSectors)).toEqual(crossing);
  expect(await page.locator('#counts').textContent()).toContain(`(${crossing.length} across sectors)`);

  // Two dates on either side of Malmö Tillsammans' start, where the API's counts differ.
  const before = await apiNetwork(server, ROSENGARD, '2020-12-31');
  const after = await apiNetwork(server, ROSENGARD, '2021-01-31');
  expect(after.nodes.length).not.toBe(before.nodes.length);
  await slideTo('2020-12-31');
  expect(await drawnCounts(page)).toEqual({ nodes: before.nodes.length, edges: before.edges.length, asOf: '2020-12-31' });
  // The very actors, not only as many: the page filters the union it holds by the service's rules.
  expect(await drawnIds()).toEqual([...before.nodes].sort());
  // One step with the keyboard: the slider is a native range input.
  await page.locator('#slider').focus();
  await page.keyboard.press('ArrowRight');
  await waitForPicture(page, '2021-01-31');
  expect(await drawnCounts(page)).toEqual({ nodes: after.nodes.length, edges: after.edges.length, asOf: '2021-01-31' });
  expect(await drawnIds()).toEqual([...after.nodes].sort());
  expect(page.url()).toContain('area=area-rosengard');
  expect(page.url()).toContain('asOf=2021-01-31');
});

test('the first picture draws every actor before sigma holds the union; the page is ready once sigma holds all of it', async () => {
  await page.goto(`${server.origin}/explore?area=${MALMO}&asOf=2022-06-30`);
  await waitForPicture(page, '2022-06-30');
  const seen = await page.evaluate(() => {
    const hook = (globalThis as unknown as PageGlobals).__explorer;
    return { first: hook.firstPictureDrawn, firstMs: hook.firstPictureMs, readyMs: hook.readyMs, sigmaNodes: hook.sigmaNodes(), visibility: hook.sigmaVisibility(), nodeCount: hook.nodeCount };
  });
  const expected = await apiNetwork(server, MALMO, '2022-06-30');
  expect(seen.nodeCount).toBe(expected.nodes.length);
  // The explorer's own layers drew every actor of the date while sigma held a stand-in: an invisible node and two anchors (firstPicture.ts).
  expect(seen.first?.points).toBe(expected.nodes.length);
  expect(seen.first?.sigmaNodes).toBeLessThanOrEqual(3);
  expect(seen.firstMs).not.toBeNull();
  expect(seen.readyMs).toBeGreaterThanOrEqual(seen.firstMs as number);
  // Ready: sigma holds the union, the actors of the date shown and those of other dates hidden (their states were kept
  // in the page until sigma took the union, and told then).
  expect(seen.visibility.shown).toBe(expected.nodes.length);
  expect(seen.visibility.hidden).toBeGreaterThan(0);
  expect(seen.visibility.hidden + seen.visibility.shown).toBe(seen.sigmaNodes);
  // The points are where sigma places the actors (the places were framed from the stand-in's anchors).
  const drawing = await page.evaluate(() => (globalThis as unknown as PageGlobals).__explorer.compareActorDrawing());
  expect(drawing.differing).toBe(0);
});

test('on the seed, the slider from 2013 to 2023 shows Malmö Tillsammans’ partnerships appear in 2021', async () => {
  await chooseArea(MALMO);
  const seen: Record<string, boolean> = {};
  for (let year = 2013; year <= 2023; year += 1) {
    const date = `${year}-12-31`;
    await slideTo(date);
    const drawn = await drawnTie(IDEELLA, SENSUS);
    expect(drawn).toBe(hasTie(await apiNetwork(server, MALMO, date), IDEELLA, SENSUS));
    seen[year] = drawn;
  }
  // Absent up to 2020, present while the project ran (2021-01-01 to 2023-02-28), gone after.
  expect(seen).toEqual({ 2013: false, 2014: false, 2015: false, 2016: false, 2017: false, 2018: false, 2019: false, 2020: false, 2021: true, 2022: true, 2023: false });
  await slideTo('2020-12-31');
  expect(await drawnTie(IDEELLA, SENSUS)).toBe(false);
  await page.keyboard.press('ArrowRight');
  await waitForPicture(page, '2021-01-31');
  expect(await drawnTie(IDEELLA, SENSUS)).toBe(true);
});

test('the analytics panel shows the scope’s E-I index and coverage for the date, and follows the slider', async () => {
  await slideTo('2022-06-30');
  await page.waitForSelector('#analytics[data-as-of="2022-06-30"]');
  const api = await server.graphql<{ eiIndex: { overall: { value: number }; expected: number } }>(
    'query($scope: AnalyticsScope) { eiIndex(scope: $scope) { overall { value } expected } }',
    { scope: { areaId: MALMO, asOf: '2022-06-30' } },
  );
  expect(await page.locator('[data-testid="ei"]').textContent()).toBe(api.eiIndex.overall.value.toFixed(2));
  expect(await page.locator('[data-testid="ei-expected"]').textContent()).toBe(api.eiIndex.expected.toFixed(2));
  expect(await page.locator('[data-testid="coverage"]').textContent()).toMatch(/^\d\.\d\d$/);
  await slideTo('2014-06-30');
  await page.waitForSelector('#analytics[data-as-of="2014-06-30"]');
  const earlier = await server.graphql<{ eiIndex: { overall: { value: number | null } } }>(
    'query($scope: AnalyticsScope) { eiIndex(scope: $scope) { overall { value } } }',
    { scope: { areaId: MALMO, asOf: '2014-06-30' } },
  );
  const shown = earlier.eiIndex.overall.value === null ? '–' : earlier.eiIndex.overall.value.toFixed(2);
  expect(await page.locator('[data-testid="ei"]').textContent()).toBe(shown);
});

test('clicking an actor on the drawing opens its panel; the URL holds the view and reloads it', async () => {
  await page.goto(`${server.origin}/explore?area=${MALMO}&asOf=2022-06-30`);
  await waitForPicture(page, '2022-06-30');
  const box = await page.locator('#graph').boundingBox();
  const at = await page.evaluate((id) => (globalThis as unknown as PageGlobals).__explorer.viewportPosition(id), IDEELLA);
  expect(box).not.toBeNull();
  expect(at).not.toBeNull();
  await page.mouse.click(box!.x + at!.x, box!.y + at!.y);
  await page.waitForSelector(`#actor-panel[data-actor="${IDEELLA}"]`);
  expect(await page.locator('[data-testid="actor-name"]').textContent()).toBe('Malmö Ideella');
  expect(await page.locator('[data-testid="actor-sector"]').textContent()).toContain('civilsamhälle');
  expect(await page.locator('[data-testid="actor-initiatives"]').textContent()).toContain('Malmö Tillsammans');
  expect(await page.locator('[data-testid="actor-areas"]').textContent()).toContain('Rosengård');
  const partners = await page.locator('[data-testid="actor-partners"]').textContent();
  expect(partners).toContain('näringsliv');
  expect(partners).toContain('NyföretagarCentrum');
  await page.waitForSelector('#actor-panel[data-analyses]:not([data-analyses=""])');
  // The role's text says why when the analyses failed.
  const role = await page.locator('[data-testid="actor-role"]').textContent();
  expect(`${await page.locator('#actor-panel').getAttribute('data-analyses')}: ${role}`).toMatch(/^done: .*(rank \d+|not among)/);
  expect(await page.locator('[data-testid="actor-suggestions"] li').count()).toBeGreaterThan(0);
  // The actors are drawn as the explorer's own points (nodeDots.ts): with one selected and hovered (raised above
  // the others, sigma's depth ranges split), the frame must look as sigma's own node pass draws it.
  const drawing = await page.evaluate(() => (globalThis as unknown as PageGlobals).__explorer.compareActorDrawing());
  expect(drawing.pixels).toBeGreaterThan(100_000);
  expect(drawing).toMatchObject({ differing: 0 });
  screenshots.push(await browser.screenshot('explorer-malmo-2022-actor'));

  const shared = page.url();
  expect(shared).toContain(`actor=${IDEELLA}`);
  await page.goto(shared);
  await waitForPicture(page, '2022-06-30');
  await page.waitForSelector(`#actor-panel[data-actor="${IDEELLA}"]`);
  expect(await page.locator('#area').inputValue()).toBe(MALMO);
});

test('the search box finds an actor and opens its panel', async () => {
  await page.locator('#search').fill('Sensus');
  await page.locator('#search').press('Enter');
  await page.waitForSelector(`#actor-panel[data-actor="${SENSUS}"]`);
  expect(await page.locator('[data-testid="actor-name"]').textContent()).toContain('Sensus');
});

test('a scope drawn for the first time shows the layout’s start at once, then settles where the API places its actors', async () => {
  const unions: string[] = [];
  const onRequest = (request: { url(): string }) => void (request.url().includes('/exports/network-union.json') && unions.push(request.url()));
  page.on('request', onRequest);
  // A filter no other test used: a union the service has never laid out.
  await page.goto(`${server.origin}/explore?area=${MALMO}&asOf=2022-06-30&minStrength=3`);
  await waitForPicture(page, '2022-06-30');
  page.off('request', onRequest);
  const seen = await page.evaluate(() => {
    const hook = (globalThis as unknown as PageGlobals).__explorer;
    const union = performance.getEntriesByType('resource').find((entry) => entry.name.includes('provisional=1'));
    return { first: hook.firstPictureMs, settled: hook.layoutSettledMs, places: hook.nodeIds().map((id) => [id, hook.layoutPosition(id)] as const), sentAt: union?.startTime, bundleRanAt: hook.phases['script-started'] };
  });
  // One provisional request, sent by boot.js before the bundle ran (the page took its answer), then the settled union.
  expect(unions.map((url) => new URL(url).searchParams.get('provisional'))).toEqual(['1', null]);
  expect(seen.sentAt).toBeLessThan(seen.bundleRanAt as number);
  expect(seen.settled).not.toBeNull();
  expect(seen.settled as number).toBeGreaterThanOrEqual(seen.first as number);
  const data = await server.graphql<{ network: { nodes: Array<{ id: string; x: number; y: number }> } }>(
    'query($scope: AnalyticsScope) { network(scope: $scope, layout: FORCE_ATLAS2, overLayoutPeriod: true) { nodes { id x y } } }',
    { scope: { areaId: MALMO, asOf: '2022-06-30', minStrength: 3 } },
  );
  const api = new Map(data.network.nodes.map((node) => [node.id, { x: node.x, y: node.y }]));
  expect(seen.places.length).toBeGreaterThan(0);
  for (const [id, place] of seen.places) expect(place).toEqual(api.get(id));
});

test('filters go to the API: only cross-sector partners of one sector drawn, counts as the API says', async () => {
  await page.locator('#legend input[value="CITIZEN"]').uncheck();
  await page.waitForURL((url) => url.searchParams.has('sectors'));
  const data = await server.graphql<{ network: { nodes: unknown[] } }>('query($scope: AnalyticsScope) { network(scope: $scope, layout: NONE) { nodes { id } } }', {
    scope: { areaId: MALMO, asOf: '2022-06-30', sectors: ['CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC', 'ACADEMIA'] },
  });
  await waitForGraph(page, { state: 'ready', asOf: '2022-06-30', nodeCount: String(data.network.nodes.length) });
  await page.locator('#legend input[value="CITIZEN"]').check();
  await page.waitForURL((url) => !url.searchParams.has('sectors'));
});

test('an export button downloads what is on screen, and the file parses to the same network', async () => {
  await waitForPicture(page, '2022-06-30');
  const expected = await apiNetwork(server, MALMO, '2022-06-30');
  const [gexf] = await Promise.all([page.waitForEvent('download'), page.locator('#exports button[data-format="gexf"]').click()]);
  expect(gexf.suggestedFilename()).toMatch(/\.gexf$/);
  const xml = fs.readFileSync((await gexf.path())!, 'utf8');
  const nodeIds = [...xml.matchAll(/<node\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]).sort();
  expect(nodeIds).toEqual([...expected.nodes].sort());
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#exports button[data-format="json"]').click()]);
  const parsed = JSON.parse(fs.readFileSync((await json.path())!, 'utf8')) as { elements: { nodes: unknown[]; edges: unknown[] } | Array<{ group?: string; data: { source?: string } }> };
  const elements = parsed.elements;
  const nodes = Array.isArray(elements) ? elements.filter((e) => e.data.source === undefined).length : elements.nodes.length;
  expect(nodes).toBe(expected.nodes.length);
});

test('the import form posts a file to /imports and shows the service’s JSON report', async () => {
  await page.goto(`${server.origin}/explore?area=${MALMO}&asOf=2022-06-30`);
  await waitForPicture(page, '2022-06-30');
  await page.locator('summary', { hasText: 'Import a file' }).click();
  await expect(page.getByLabel('File').isVisible()).resolves.toBe(true);
  await expect(page.getByLabel('dry run (check only)').isChecked()).resolves.toBe(true);
  await expect(page.getByRole('button', { name: 'Upload' }).isVisible()).resolves.toBe(true);
  await page.getByLabel('File').setInputFiles({ name: 'areas.csv', mimeType: 'text/csv', buffer: Buffer.from('id,name,level,parentId\narea-browser-test,Testområde,NEIGHBOURHOOD,area-oster\n') });
  await page.getByLabel('Kind (optional)').fill('areas');
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.waitForFunction(() => /^HTTP \d+/.test((globalThis as unknown as { document: { getElementById(id: string): { textContent: string } } }).document.getElementById('import-report').textContent));
  const report = (await page.locator('#import-report').textContent()) ?? '';
  const [status, ...body] = report.split('\n');
  expect(status).toMatch(/^HTTP 2\d\d$/);
  expect(typeof JSON.parse(body.join('\n'))).toBe('object');
  screenshots.push(await browser.screenshot('explorer-import-form'));
});

test('the page logged no console error and sent no request off 127.0.0.1', () => {
  expect(browser.errors).toEqual([]);
  expect(browser.offHost).toEqual([]);
});
