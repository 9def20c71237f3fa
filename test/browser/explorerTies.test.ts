/**
 * The ties' kept layer (web/explorer/src/tieLines.ts, tieBase.ts): once the slider
 * rests, the ties drawn on every step around it are drawn once into a texture, and
 * a step draws that texture and the rest. The picture must be the one drawing every
 * tie gives, on the rested date and on a step within the kept span whose ties differ.
 */
import type { Page } from 'playwright-core';
import { startExplorerApp, type ExplorerApp } from './explorerApp';
import { openBrowser, waitForPicture, type BrowserSession, type PageGlobals } from './browserSession';
import { apiNetwork, hasTie } from './explorerApi';
import { IDEELLA, MALMO, SENSUS } from './seedPlaces';


let server: ExplorerApp;
let browser: BrowserSession;
let page: Page;

const explorer = () => page.evaluate(() => (globalThis as unknown as PageGlobals).__explorer.stepDates.length);
const compare = () => page.evaluate(() => (globalThis as unknown as PageGlobals).__explorer.compareTieDrawing());
const drawnBy = () => page.evaluate(() => (globalThis as unknown as PageGlobals).__explorer.tiesDrawnBy());

/** Waits until the slider has rested on the picture: the panels were asked for, and a frame drew the kept ties. */
async function rested(): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__explorer.stepDates.length > 1);
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__explorer.tiesDrawnBy() === 'kept');
}

beforeAll(async () => {
  server = await startExplorerApp();
  browser = await openBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('a rested picture draws its kept ties from a texture, and looks as every tie drawn does', async () => {
  await page.goto(`${server.origin}/explore?area=${MALMO}&asOf=2022-06-30`);
  await waitForPicture(page, '2022-06-30');
  await rested();
  const seen = await compare();
  const api = await apiNetwork(server, MALMO, '2022-06-30');
  expect(seen.drawnBy).toBe('kept');
  // Most of the date's ties are kept (drawn on every month from 2021-12-31 to 2022-12-31), none beyond the date's.
  expect(seen.kept).toBeGreaterThan(api.edges.length / 2);
  expect(seen.kept).toBeLessThanOrEqual(api.edges.length);
  expect(seen.pixels).toBeGreaterThan(0);
  expect(seen.differing).toBe(0);
  expect(browser.errors).toEqual([]);
});

test('a step within the kept span drops a tie that is not kept, and still looks as every tie drawn does', async () => {
  // Rested on 2021-06-30: the span runs from 2020-12-31, before Ideella and Sensus were tied, so their tie is not kept.
  await page.goto(`${server.origin}/explore?area=${MALMO}&asOf=2021-06-30`);
  await waitForPicture(page, '2021-06-30');
  await rested();
  expect(hasTie(await apiNetwork(server, MALMO, '2021-06-30'), IDEELLA, SENSUS)).toBe(true);
  const dates = await page.evaluate(() => (globalThis as unknown as PageGlobals).__explorer.stepDates);
  expect(await explorer()).toBeGreaterThan(6);
  // Six months back, as a user's slider step, before it rests again.
  await page.locator('#slider').fill(String(dates.indexOf('2020-12-31')));
  await waitForPicture(page, '2020-12-31');
  expect(await drawnBy()).toBe('kept');
  expect(await page.evaluate(([a, b]) => (globalThis as unknown as PageGlobals).__explorer.hasEdgeBetween(a, b), [IDEELLA, SENSUS])).toBe(false);
  const seen = await compare();
  expect(seen.drawnBy).toBe('kept');
  expect(seen.differing).toBe(0);
  expect(browser.errors).toEqual([]);
});
