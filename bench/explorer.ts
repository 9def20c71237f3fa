/**
 * The explorer benchmark (issue 9): `npm run bench:explorer [-- --actors 10000 --steps 12]`.
 *
 * Loads a generated city into an embedded Neo4j in a temporary folder (or NEO4J_URI,
 * which is then WIPED), serves the API and /explore as the app does (collaboration
 * index on), and opens the explorer on the city's largest district in headless
 * Chromium. It prints what the page itself measured (performance marks):
 *  - first picture: navigation start → the first network drawn, cold (the layout is
 *    computed) and warm (the layout cached, as every later visitor sees it);
 *  - slider step: slider input → the next month's network drawn, over several steps;
 * next to the time of the same `network` request sent from Node in the same run, so
 * the ratio shows what the browser adds. It asserts nothing (tests check correctness).
 */
import { parseArgs } from 'node:util';
import { AnalyticsService } from '../src/analytics/analyticsService';
import { CollaborationIndexStore } from '../src/analytics/collaborationIndex/collaborationIndexStore';
import { DEVELOPMENT_ADMIN } from '../src/auth/principal';
import { loadConfig } from '../src/config';
import { createContext } from '../src/context';
import { explorerRouter } from '../src/explorer/explorerRoute';
import { silentLogger } from '../src/logger';
import { buildSchema } from '../src/schema/buildSchema';
import { createServer } from '../src/server/createServer';
import { createServiceInfoProvider } from '../src/system/serviceInfo';
import { VERSION } from '../src/version';
import { buildExplorer } from '../scripts/buildExplorer';
import { openBrowser, waitForPicture, type PageGlobals } from '../test/browser/browserSession';
import { loadGeneratedCity, openBenchDatabase } from './benchDatabase';

const { values } = parseArgs({
  options: {
    actors: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    asOf: { type: 'string', default: '2024-06-30' },
    steps: { type: 'string', default: '12' },
    runs: { type: 'string', default: '3' },
    yes: { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`[bench:explorer] ${line}\n`);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
const ms = (value: number) => `${value.toFixed(0)} ms`;

interface ExplorerTimings {
  firstPictureMs: number | null;
  stepMs: number[];
  nodeCount: number;
  edgeCount: number;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const bench = await openBenchDatabase(config, 'explorer', log, values.yes as boolean);
  const { db } = bench;
  const index = new CollaborationIndexStore({ db, logger: silentLogger });
  const browser = await openBrowser();
  let server: Awaited<ReturnType<typeof createServer>> | null = null;
  try {
    await loadGeneratedCity(db, { actors: Number(values.actors), seed: Number(values.seed) }, log);
    await index.refresh();
    await buildExplorer();
    const serviceInfo = createServiceInfoProvider(db, VERSION);
    const analytics = new AnalyticsService({ db, serviceInfo, logger: silentLogger, timeoutMs: 600_000, index });
    server = await createServer(
      {
        schema: buildSchema(),
        logger: silentLogger,
        ide: false,
        authenticate: async () => DEVELOPMENT_ADMIN,
        context: async (principal) => createContext({ db, logger: silentLogger, serviceInfo, analytics, principal }),
        ready: async () => undefined,
        pages: [explorerRouter()],
        limits: { bodyLimitBytes: 1 << 20, rateLimitPerMinute: 1_000_000 },
      },
      '127.0.0.1',
      0,
    );
    const graphqlUrl = server.url;
    const origin = graphqlUrl.replace(/\/graphql$/, '');
    const post = async <T>(query: string, variables: Record<string, unknown>) => {
      const response = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data: T; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };

    const asOf = values.asOf as string;
    const { areas } = await post<{ areas: Array<{ id: string }> }>('{ areas(level: DISTRICT) { id } }', {});
    const sizes = await Promise.all(areas.map(async (a) => ({ id: a.id, actors: (await post<{ area: { actors: { totalCount: number } } }>('query($id: ID!, $asOf: LocalDate) { area(id: $id) { actors(asOf: $asOf, first: 1) { totalCount } } }', { id: a.id, asOf })).area.actors.totalCount })));
    const largest = sizes.sort((a, b) => b.actors - a.actors)[0];
    log(`largest district: ${largest.id}, ${largest.actors} actors on ${asOf}`);

    const NETWORK = `query($scope: AnalyticsScope) { network(scope: $scope, layout: FORCE_ATLAS2) {
      nodes { id label kind sector degree betweenness x y } edges { id source target kind strength crossesSectors } } }`;
    const apiTime = async (date: string) => {
      const started = performance.now();
      await post(NETWORK, { scope: { areaId: largest.id, asOf: date } });
      return performance.now() - started;
    };

    const page = browser.page;
    const visit = async (): Promise<ExplorerTimings> => {
      await page.goto(`${origin}/explore?area=${largest.id}&asOf=${asOf}`);
      await waitForPicture(page, asOf);
      return page.evaluate(() => {
        const hook = (globalThis as unknown as PageGlobals & { __explorer: ExplorerTimings }).__explorer;
        return { firstPictureMs: hook.firstPictureMs, stepMs: [...hook.stepMs], nodeCount: hook.nodeCount, edgeCount: hook.edgeCount };
      });
    };

    const cold = await visit();
    log(`first picture, cold (layout computed): ${ms(cold.firstPictureMs ?? NaN)} for ${cold.nodeCount} actors and ${cold.edgeCount} ties`);
    const warm: number[] = [];
    const api: number[] = [];
    for (let run = 0; run < Number(values.runs); run += 1) {
      api.push(await apiTime(asOf));
      warm.push((await visit()).firstPictureMs ?? NaN);
    }
    // Slider steps, one month back each, interleaved with the same request from Node.
    const stepApi: number[] = [];
    await page.locator('#slider').focus();
    const dates = await page.evaluate(() => (globalThis as unknown as PageGlobals).__explorer.stepDates);
    let position = dates.indexOf(asOf);
    for (let step = 0; step < Number(values.steps) && position > 0; step += 1) {
      position -= 1;
      await page.keyboard.press('ArrowLeft');
      await waitForPicture(page, dates[position]);
      stepApi.push(await apiTime(dates[position]));
    }
    const steps = await page.evaluate(() => [...(globalThis as unknown as { __explorer: ExplorerTimings }).__explorer.stepMs]);

    const lines = [
      `explorer on ${largest.id} (${cold.nodeCount} actors, ${cold.edgeCount} ties on ${asOf}), generated city of ${values.actors} actors:`,
      `  first picture, cold:  ${ms(cold.firstPictureMs ?? NaN)} (target 3000 ms)`,
      `  first picture, warm:  median ${ms(median(warm))} of ${warm.length} (target 3000 ms); the network request alone from Node: median ${ms(median(api))}; ratio page/API ${(median(warm) / median(api)).toFixed(2)}`,
      `  slider step:          median ${ms(median(steps))}, max ${ms(Math.max(...steps))} of ${steps.length} (target 300 ms); the request alone: median ${ms(median(stepApi))}; ratio page/API ${(median(steps) / median(stepApi)).toFixed(2)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await browser.close();
    await server?.stop();
    server?.httpServer.close();
    await index.close();
    await bench.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
