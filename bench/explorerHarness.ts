/**
 * The explorer's browser side alone, several builds interleaved:
 * `npx tsx bench/explorerHarness.ts --record rec.json --area gen-area-d003 --build now=web/explorer --build old=/tmp/old/web/explorer [--visits 3 --steps 12]`.
 *
 * bench/explorer.ts measures the whole path (service, network, page) on a city it
 * loads into Neo4j, minutes a run. This replays what one of its visits received
 * (`bench/explorer.ts --record rec.json`: the district's union and the page's
 * GraphQL answers) from a plain HTTP server, so what differs between two builds of
 * web/explorer is the page's own work, measured the same way as the bench (the
 * page's marks: first picture and slider steps up to the frame shown) in the same
 * headless Chromium. The builds are visited in turn, so a busy machine slows both.
 * GraphQL requests the recording does not hold (the panels of other dates) are held
 * open, never answered: the page then shows no error and draws as it would.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import express from 'express';
import type { Page } from 'playwright-core';
import { explorerRouter } from '../src/explorer/explorerRoute';
import { CHROMIUM_ARGS, openBrowser, waitForPicture, type PageGlobals } from '../test/browser/browserSession';
import { phaseTable, profileVisit, quantile, readPhases, type PhaseTimes, type RecordedVisit } from './explorerProfile';

const { values } = parseArgs({
  options: {
    record: { type: 'string', default: '/tmp/explorer-union.json' },
    build: { type: 'string', multiple: true, default: ['now=web/explorer'] },
    area: { type: 'string' },
    asOf: { type: 'string', default: '2024-06-30' },
    visits: { type: 'string', default: '3' },
    steps: { type: 'string', default: '12' },
    /** Saves a screenshot of each build's first picture (and of the last step) under this folder. */
    screenshots: { type: 'string' },
    /** Writes CPU profiles of each build's first picture and slider steps (first round) to <this>-<build>-{first,steps}.cpuprofile and prints the heaviest functions. */
    profile: { type: 'string' },
    /** Times this many whole frames after the first picture (render, raster, shown) in builds that expose `__renderFrame` (experiment copies only). */
    frames: { type: 'string', default: '0' },
    /** Chromium's flags: the tests' (default), or the tests' with these changes: `-flag` removes one, `+flag` adds one (comma-separated). */
    chromium: { type: 'string', default: '' },
    /** A new browser (a fresh profile: nothing compiled, nothing cached) for every visit: the first visit ever, as bench/explorer.ts's cold one. */
    fresh: { type: 'boolean', default: false },
    /** Holds the union's answer this long (ms), as a service computing it would. */
    delay: { type: 'string', default: '0' },
  },
});
const log = (line: string) => process.stderr.write(`[explorer-harness] ${line}\n`);

/** Bundles one explorer source folder (its src/main.ts, as scripts/buildExplorer.ts does) into a folder of its own. */
async function bundle(name: string, source: string): Promise<string> {
  const outdir = path.join(os.tmpdir(), 'samverkan-explorer-harness', name);
  fs.mkdirSync(outdir, { recursive: true });
  await esbuild.build({
    entryPoints: { explorer: path.join(source, 'src', 'main.ts'), ...(fs.existsSync(path.join(source, 'src', 'boot.ts')) ? { boot: path.join(source, 'src', 'boot.ts') } : {}) },
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    // Readable function names in a profile.
    minify: !values.profile,
    logLevel: 'warning',
    // A copy outside the checkout resolves sigma and graphology from the checkout's.
    nodePaths: [path.resolve(__dirname, '..', 'node_modules')],
    tsconfig: path.join(source, 'tsconfig.json'),
  });
  for (const file of ['index.html', 'explorer.css', 'favicon.svg']) fs.copyFileSync(path.join(source, file), path.join(outdir, file));
  return outdir;
}

/** Serves one build's page and the recorded answers. */
async function serve(buildDir: string, recorded: RecordedVisit): Promise<{ origin: string; close(): Promise<void> }> {
  const app = express();
  app.use(explorerRouter(buildDir));
  app.get('/exports/network-union.json', (_req, res) => void setTimeout(() => res.type('application/json').send(recorded.union), Number(values.delay)));
  const answers = new Map(recorded.graphql.map((exchange) => [exchange.request, exchange.response]));
  app.post('/graphql', express.text({ type: '*/*', limit: '1mb' }), (req, res) => {
    const answer = answers.get(req.body as string);
    if (answer !== undefined) res.type('application/json').send(answer);
    // Not recorded: held open until the server closes.
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Visit {
  firstPictureMs: number;
  /** The page ready (sigma holds the union: labels, hover, clicks); the first picture in builds before that was a later step. */
  readyMs: number;
  phases: PhaseTimes;
  nodes: number;
  edges: number;
  steps: number[];
  /** The steps up to sigma's render issued (builds that record it). */
  rendered: number[];
  /** Whole frames redrawn with nothing changed (--frames). */
  frames: number[];
}

/** Redraws the picture `count` times, each up to the frame shown, in a build that exposes `__renderFrame` (an experiment's copy of the page). */
async function timeFrames(page: Page, count: number): Promise<number[]> {
  if (count === 0) return [];
  return page.evaluate(async (n) => {
    const scope = globalThis as unknown as { __renderFrame?: () => void; requestAnimationFrame(callback: () => void): number };
    const render = scope.__renderFrame;
    if (!render) return [];
    const times: number[] = [];
    // No named function inside: the page has no helper for the names tsx keeps.
    for (let i = 0; i < n; i += 1) {
      const started = performance.now();
      render();
      await new Promise<void>((resolve) => scope.requestAnimationFrame(() => scope.requestAnimationFrame(() => resolve())));
      times.push(performance.now() - started);
    }
    return times;
  }, count);
}

async function main(): Promise<void> {
  const recorded = JSON.parse(fs.readFileSync(values.record as string, 'utf8')) as RecordedVisit;
  const area = values.area as string | undefined;
  if (!area) throw new Error('--area: the recorded district (bench/explorer.ts prints it)');
  const asOf = values.asOf as string;
  const builds: Array<{ name: string; dir: string }> = [];
  for (const spec of values.build as string[]) {
    const [name, source] = spec.split('=');
    builds.push({ name, dir: await bundle(name, path.resolve(source)) });
  }
  const changes = (values.chromium as string).split(',').filter(Boolean);
  const args = [...CHROMIUM_ARGS.filter((arg) => !changes.includes(`-${arg}`)), ...changes.filter((change) => change.startsWith('+')).map((change) => change.slice(1))];
  log(`chromium flags: ${args.join(' ')}`);
  const shared = values.fresh ? null : await openBrowser(args);
  const profiles: string[] = [];
  const results = new Map<string, Visit[]>(builds.map((build) => [build.name, []]));
  try {
    for (let round = 0; round < Number(values.visits); round += 1) {
      for (const build of builds) {
        const server = await serve(build.dir, recorded);
        const browser = shared ?? (await openBrowser(args));
        try {
          const page = browser.page;
          const open = async () => {
            await page.goto(`${server.origin}/explore?area=${area}&asOf=${asOf}`);
            await waitForPicture(page, asOf);
          };
          if (values.profile && round === 0) profiles.push(`${build.name}, first picture:`, ...(await profileVisit(page, `${values.profile as string}-${build.name}-first.cpuprofile`, open, 25)));
          else await open();
          const first = await page.evaluate(() => {
            const hook = (globalThis as unknown as { __explorer: { firstPictureMs: number; readyMs?: number | null; nodeCount: number; edgeCount: number } }).__explorer;
            return { firstPictureMs: hook.firstPictureMs, readyMs: hook.readyMs ?? hook.firstPictureMs, nodes: hook.nodeCount, edges: hook.edgeCount };
          });
          const phases = await readPhases(page);
          const frames = await timeFrames(page, Number(values.frames));
          if (values.screenshots && round === 0) await page.screenshot({ path: path.join(values.screenshots as string, `${build.name}-first.png`) });
          await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__explorer.stepDates.length > 1);
          const dates = await page.evaluate(() => (globalThis as unknown as PageGlobals).__explorer.stepDates);
          await page.locator('#slider').focus();
          let position = dates.indexOf(asOf);
          const stepAll = async () => {
            for (let step = 0; step < Number(values.steps) && position > 0; step += 1) {
              position -= 1;
              await page.keyboard.press('ArrowLeft');
              await waitForPicture(page, dates[position]);
            }
          };
          if (values.profile && round === 0) profiles.push(`${build.name}, steps:`, ...(await profileVisit(page, `${values.profile as string}-${build.name}-steps.cpuprofile`, stepAll, 25)));
          else await stepAll();
          if (values.screenshots && round === 0) await page.screenshot({ path: path.join(values.screenshots as string, `${build.name}-stepped.png`) });
          const { steps, rendered } = await page.evaluate(() => {
            const hook = (globalThis as unknown as { __explorer: { stepMs: number[]; stepRenderedMs?: number[] } }).__explorer;
            return { steps: [...hook.stepMs], rendered: [...(hook.stepRenderedMs ?? [])] };
          });
          results.get(build.name)?.push({ ...first, phases, steps, rendered, frames });
          log(`${build.name} round ${round + 1}: first picture ${first.firstPictureMs.toFixed(0)} ms, ready ${first.readyMs.toFixed(0)} ms (${first.nodes} actors, ${first.edges} ties), steps median ${quantile(steps, 0.5)?.toFixed(0)} ms`);
          // Each step: the whole step (up to the frame shown), and in brackets its part up to the render issued.
          log(`${build.name} round ${round + 1} steps: ${steps.map((step, i) => `${step.toFixed(0)}${rendered[i] === undefined ? '' : ` (${rendered[i].toFixed(0)})`}`).join(', ')}`);
        } finally {
          await leavePage(browser.page);
          await server.close();
          if (!shared) await browser.close();
        }
      }
    }
  } finally {
    await shared?.close();
  }
  const lines = [`explorer harness on ${area} as of ${asOf} (load average ${os.loadavg().map((v) => v.toFixed(2)).join(' ')} at the end)`, '', '| build | first picture, median of visits | ready (labels, hover, clicks), median | slider step, median | slider step, p95 | steps | step up to the render issued, median | a whole frame redrawn, median |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const [name, visits] of results) {
    const steps = visits.flatMap((visit) => visit.steps);
    const rendered = visits.flatMap((visit) => visit.rendered);
    const frames = visits.flatMap((visit) => visit.frames);
    lines.push(`| ${name} | ${quantile(visits.map((v) => v.firstPictureMs), 0.5).toFixed(0)} ms | ${quantile(visits.map((v) => v.readyMs), 0.5).toFixed(0)} ms | ${quantile(steps, 0.5).toFixed(0)} ms | ${quantile(steps, 0.95).toFixed(0)} ms | ${steps.length} | ${rendered.length ? `${quantile(rendered, 0.5).toFixed(0)} ms` : '–'} | ${frames.length ? `${quantile(frames, 0.5).toFixed(0)} ms` : '–'} |`);
  }
  for (const [name, visits] of results) lines.push('', `${name}:`, ...phaseTable(visits.map((visit) => visit.phases)));
  process.stdout.write(`${[...lines, '', ...profiles].join('\n')}\n`);
}

/** Leaves the page before its server closes, so no held request is cut under a live page (a console error). */
async function leavePage(page: Page): Promise<void> {
  await page.goto('about:blank');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
