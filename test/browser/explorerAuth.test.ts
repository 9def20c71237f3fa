import { startExplorerApp, type ExplorerApp } from './explorerApp';
import { drawnCounts, openBrowser, waitForGraph, waitForPicture, type BrowserSession } from './browserSession';
import { apiNetwork } from './explorerApi';

let server: ExplorerApp;
const sessions: BrowserSession[] = [];
const screenshots: string[] = [];

beforeAll(async () => {
  server = await startExplorerApp({ SAMVERKAN_AUTH: 'required' });
});

afterAll(async () => {
  for (const session of sessions) await session.close();
  await server?.close();
  if (screenshots.length) process.stdout.write(`explorer screenshots:\n${screenshots.join('\n')}\n`);
});

async function session(): Promise<BrowserSession> {
  const opened = await openBrowser();
  sessions.push(opened);
  return opened;
}

test('with authentication on, the page itself is served but its data needs a credential', async () => {
  expect((await fetch(`${server.origin}/explore`)).status).toBe(200);
  expect((await fetch(`${server.origin}/explore/assets/explorer.js`)).status).toBe(200);
  const data = await fetch(`${server.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ areas { id } }' }) });
  expect(data.status).toBe(401);
});

test('the page asks for an API key on a 401, keeps it for the tab only, and draws what the API gives that key', async () => {
  const key = await server.apiKey('ANALYST');
  const { page, errors, offHost } = await session();
  await page.goto(`${server.origin}/explore?area=area-rosengard&asOf=2022-06-30`);
  const dialog = page.locator('#auth-dialog');
  await dialog.waitFor({ state: 'visible' });
  expect(await page.locator('#auth-error').textContent()).toMatch(/Authentication is required/);
  screenshots.push(await (sessions[sessions.length - 1]).screenshot('explorer-auth-prompt'));
  await page.getByLabel('Token or API key').fill(key);
  await page.getByRole('button', { name: 'Use it' }).click();
  await waitForPicture(page, '2022-06-30');
  const expected = await apiNetwork(server, 'area-rosengard', '2022-06-30', key);
  expect((await drawnCounts(page)).nodes).toBe(expected.nodes.length);
  expect(await page.evaluate(() => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length)).toBe(1);
  expect(await page.evaluate(() => (globalThis as unknown as { localStorage: { length: number } }).localStorage.length)).toBe(0);
  // The key never lands in the URL that a user would share.
  expect(page.url()).not.toContain(key);
  // A 401 before the key was given is the browser's console error for that response; nothing else.
  expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  expect(offHost).toEqual([]);
});

test('a VIEWER, who may not see the network, gets a clear message and no drawing', async () => {
  const key = await server.apiKey('VIEWER');
  const opened = await session();
  const { page } = opened;
  await page.goto(`${server.origin}/explore?area=area-rosengard&asOf=2022-06-30`);
  await page.locator('#auth-dialog').waitFor({ state: 'visible' });
  await page.getByLabel('Token or API key').fill(key);
  await page.getByRole('button', { name: 'Use it' }).click();
  await waitForGraph(page, { state: 'forbidden' });
  const notice = page.locator('#notice');
  expect(await notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toMatch(/may not see.*ANALYST/);
  expect((await drawnCounts(page)).nodes).toBe(0);
  expect(await page.locator('[data-testid="ei"]').count()).toBe(0);
  screenshots.push(await opened.screenshot('explorer-viewer-forbidden'));
});
