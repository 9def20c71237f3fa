import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Requests to anywhere but 127.0.0.1. */
  offHost: string[];
  /** Saves a full-page screenshot under .screenshots/ and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // sigma draws with WebGL 2: SwiftShader renders it without a GPU, and asking for it
  // explicitly avoids Chromium's console warning about falling back to it.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', '.screenshots');

/** Debian's Chromium, headless, with a fresh profile, watched for console errors and requests off the host; `args` other flags than the tests' (bench/explorerHarness.ts compares some). */
export async function openBrowser(args: readonly string[] = CHROMIUM_ARGS): Promise<BrowserSession> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...args],
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Analytics behind the panels (GDS brokers, partner suggestions) can take tens of seconds on a busy machine.
  page.setDefaultTimeout(120_000);
  const errors: string[] = [];
  const offHost: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (['blob:', 'data:', 'about:'].includes(url.protocol)) return;
    if (url.hostname !== '127.0.0.1') offHost.push(request.url());
  });
  return {
    context,
    page,
    errors,
    offHost,
    async screenshot(name) {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The page's globals as the tests read them (test code is compiled without the DOM library). */
export interface PageGlobals {
  document: { getElementById(id: string): { dataset: Record<string, string | undefined> } };
  __explorer: {
    stepDates: string[];
    hasEdgeBetween(a: string, b: string): boolean;
    viewportPosition(id: string): { x: number; y: number } | null;
    compareActorDrawing(): { pixels: number; differing: number; largestDifference: number };
    /** How the last frame drew the ties: their kept texture and the rest, or every tie (tieLines.ts). */
    tiesDrawnBy(): 'kept' | 'all';
    compareTieDrawing(): { pixels: number; differing: number; largestDifference: number; drawnBy: 'kept' | 'all'; kept: number };
    layoutPosition(id: string): { x: number; y: number } | null;
    nodeIds(): string[];
    firstPictureMs: number | null;
    /** The page ready: sigma holds the union (labels, hover, clicks). */
    readyMs: number | null;
    /** What the first picture's frame drew: sigma's nodes (a stand-in) and the actor points. */
    firstPictureDrawn: { sigmaNodes: number; points: number } | null;
    sigmaNodes(): number;
    sigmaVisibility(): { hidden: number; shown: number };
    nodeCount: number;
    layoutSettledMs: number | null;
    /** The first picture's phase marks (ms since navigation start). */
    phases: Record<string, number>;
  };
}

/** Waits until #graph's data attributes hold these values. */
export async function waitForGraph(page: Page, expected: Record<string, string>): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const graph = (globalThis as unknown as PageGlobals).document.getElementById('graph');
      return Object.entries(want).every(([key, value]) => graph.dataset[key] === value);
    },
    expected,
    { timeout: 120_000 },
  );
}

/** Waits until the page has drawn the network of `asOf` (or any date when omitted). */
export async function waitForPicture(page: Page, asOf?: string): Promise<void> {
  // A scope's first picture may show the layout's start while the service computes it: the actors have their places once it is settled.
  await waitForGraph(page, { state: 'ready', layout: 'settled', ...(asOf ? { asOf } : {}) });
}

export async function drawnCounts(page: Page): Promise<{ nodes: number; edges: number; asOf: string }> {
  const graph = page.locator('#graph');
  return {
    nodes: Number(await graph.getAttribute('data-node-count')),
    edges: Number(await graph.getAttribute('data-edge-count')),
    asOf: (await graph.getAttribute('data-as-of')) ?? '',
  };
}
