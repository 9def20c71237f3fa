/**
 * Where the explorer's first picture spends its time, for bench/explorer.ts: the
 * page's own phase marks (navigation start → script → union request → graph →
 * sigma's render issued → picture shown), the network request's resource timing (bytes on the wire versus
 * JSON parsing), and optionally a CPU profile over the Chrome DevTools Protocol
 * summarised by function (self time).
 */
import fs from 'node:fs';
import type { Page, Response } from 'playwright-core';

/** The page's marks in the order they happen (web/explorer/src/explorer.ts, main.ts). */
const PHASES = ['script-started', 'network-requested', 'response-start', 'response-end', 'network-received', 'dates-filtered', 'sigma-rendered', 'first-picture', 'union-handed', 'ready'] as const;

/** The q-quantile by nearest rank (q = 0.5: the median). */
export const quantile = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * list.length) - 1)];
export const median = (list: number[]) => quantile(list, 0.5);
export const ms = (value: number) => `${value.toFixed(0)} ms`;

/** What bench/explorer.ts reads from the page after a visit. */
export interface ExplorerTimings {
  firstPictureMs: number | null;
  /** The page ready once sigma holds the union (labels, hover, clicks): after the first picture (web/explorer/src/firstPicture.ts). */
  readyMs: number | null;
  /** A provisional first picture's actors moved to the settled layout (null: the first picture was settled). */
  layoutSettledMs: number | null;
  phases: Record<string, number>;
  stepMs: number[];
  nodeCount: number;
  edgeCount: number;
}

/** Each phase's end, ms since navigation start, for one visit. */
export type PhaseTimes = Partial<Record<(typeof PHASES)[number], number>>;

/** Reads the first picture's phases from the page, with the network request's resource timing. */
export async function readPhases(page: Page): Promise<PhaseTimes> {
  return page.evaluate(() => {
    const scope = globalThis as unknown as {
      __explorer: { phases: Record<string, number>; firstPictureMs: number | null; readyMs?: number | null };
      performance: { getEntriesByType(type: string): Array<{ name: string; startTime: number; responseStart: number; responseEnd: number; encodedBodySize: number }> };
    };
    const hook = scope.__explorer;
    // The scope's union (GET /exports/network-union.json), the first picture's one large answer: the first asked (a provisional
    // one is followed by the settled union, after the picture).
    const largest = scope.performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/exports/network-union.json') && entry.encodedBodySize > 0)
      .sort((a, b) => a.startTime - b.startTime)[0];
    return {
      ...hook.phases,
      ...(largest ? { 'response-start': largest.responseStart, 'response-end': largest.responseEnd } : {}),
      'first-picture': hook.firstPictureMs ?? undefined,
      ready: hook.readyMs ?? undefined,
    } as Record<string, number>;
  });
}

const LABELS: Record<(typeof PHASES)[number], string> = {
  'script-started': 'navigation → bundle parsed and run',
  'network-requested': 'union request sent (by boot.js before the bundle has run; else by the bundle)',
  'response-start': 'union request: the service answers (server time + first byte)',
  'response-end': 'union request: transfer of the body',
  'network-received': 'JSON parse and column decoding',
  'dates-filtered': 'date filter (which actors and ties are drawn on the date)',
  'sigma-rendered': "the first picture's render issued (JavaScript; sigma holds a stand-in, not the union)",
  'first-picture': 'the frame rasterised (SwiftShader) and shown: the first picture',
  'union-handed': "sigma takes the union: index, process, labels' glyphs (JavaScript)",
  ready: 'that frame shown: labels, hover and clicks (the page ready)',
};

/** One line per phase, in the order they ended (the union's request goes before the bundle has run, from boot.js): its median duration over the visits and its median end. */
export function phaseTable(visits: readonly PhaseTimes[]): string[] {
  const lines = ['| phase of the first picture | median ms | ends at (median) |', '| --- | --- | --- |'];
  const ended = PHASES.map((phase) => ({ phase, ends: visits.map((visit) => visit[phase]).filter((value): value is number => typeof value === 'number') }))
    .filter(({ ends }) => ends.length > 0)
    .sort((a, b) => median(a.ends) - median(b.ends));
  let previous: (typeof PHASES)[number] | null = null;
  for (const { phase, ends } of ended) {
    const durations = visits
      .map((visit) => (typeof visit[phase] === 'number' ? (visit[phase] as number) - (previous ? (visit[previous] ?? 0) : 0) : NaN))
      .filter((value) => Number.isFinite(value));
    lines.push(`| ${LABELS[phase]} | ${median(durations).toFixed(0)} | ${median(ends).toFixed(0)} |`);
    previous = phase;
  }
  return lines;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Runs `visit` under the CPU profiler of the page's renderer, writes the profile
 * (open it in Chrome DevTools' Performance panel) and returns the heaviest
 * functions by self time.
 */
export async function profileVisit(page: Page, file: string, visit: () => Promise<unknown>, top = 20): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  await visit();
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await session.detach();
  fs.writeFileSync(file, JSON.stringify(profile));
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, k) => {
    const node = byNode.get(id) as ProfileNode;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
    const ms = (profile.timeDeltas[k] ?? 0) / 1000;
    total += ms;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  const heaviest = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [`CPU profile written to ${file} (${total.toFixed(0)} ms sampled); heaviest by self time:`, ...heaviest.map(([key, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${key}`)];
}

/** What one visit asked the service and got back: replayed by bench/explorerHarness.ts without a service. */
export interface RecordedVisit {
  union: string;
  graphql: Array<{ request: string; response: string }>;
}

/** Runs `visit` and writes the union and every GraphQL exchange the page made during it to `file` (JSON). */
export async function recordVisit(page: Page, file: string, visit: () => Promise<unknown>): Promise<void> {
  const recorded: RecordedVisit = { union: '', graphql: [] };
  const pending: Array<Promise<void>> = [];
  const onResponse = (response: Response) => {
    const url = response.url();
    // A response of the page left behind (the visit navigates) has no body any more: not this visit's, not recorded.
    const unread = () => undefined;
    if (url.includes('/exports/network-union.json')) pending.push(response.text().then((body) => void (recorded.union = body), unread));
    else if (url.endsWith('/graphql')) pending.push(response.text().then((body) => void recorded.graphql.push({ request: response.request().postData() ?? '', response: body }), unread));
  };
  page.on('response', onResponse);
  await visit();
  // The panels ask after the picture: give them time to answer.
  await page.waitForTimeout(5000);
  page.off('response', onResponse);
  await Promise.allSettled(pending);
  fs.writeFileSync(file, JSON.stringify(recorded));
}

/**
 * Each slider step of the page (its 'explorer:step' measures) with what overlapped
 * it: the page's own GraphQL requests in flight (the panels of an earlier date,
 * computed by the same service on the same cores), and the given intervals (epoch
 * ms) of requests sent from Node meanwhile. For reading a slow step, not a verdict.
 */
export async function stepOverlaps(page: Page, fromNode: ReadonlyArray<{ start: number; end: number }>): Promise<string> {
  const steps = await page.evaluate(() => {
    const origin = performance.timeOrigin;
    const requests = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/graphql')) as PerformanceResourceTiming[];
    return performance.getEntriesByName('explorer:step').map((step) => ({
      start: origin + step.startTime,
      end: origin + step.startTime + step.duration,
      duration: step.duration,
      panels: requests.filter((r) => r.startTime < step.startTime + step.duration && r.responseEnd > step.startTime).length,
    }));
  });
  return steps
    .map((step) => {
      const node = fromNode.filter((r) => r.start < step.end && r.end > step.start).length;
      const notes = [step.panels ? `${step.panels} panel request${step.panels > 1 ? 's' : ''} in flight` : '', node ? `${node} from Node` : ''].filter(Boolean);
      return `${step.duration.toFixed(0)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
    })
    .join(', ');
}
