/**
 * Where a CPU profile's time went: `npx tsx bench/api/profileSummary.ts <file.cpuprofile> [--from-end 31 --to-end 6]`.
 * The window keeps only the samples between 31 and 6 seconds before the profile ended
 * (the timed workload, without start-up, the index build and the closing memory phase).
 * Self time grouped by package (the driver, graphql-js, Apollo, Express, our src/,
 * garbage collection) and the top functions; docs/performance.md shows how to
 * record the profile with `npm run bench:api -- --samverkan-node-args "--cpu-prof ..."`.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  endTime: number;
}

const GROUPS: Array<[string, RegExp]> = [
  ['neo4j-driver (Bolt decoding, sessions)', /neo4j-driver|packstream|bolt-connection/],
  ['graphql-js execution', /node_modules\/graphql\//],
  ['Apollo Server', /@apollo\//],
  ['graphql-armor', /graphql-armor|@escape\.tech/],
  ['@graphql-tools', /@graphql-tools/],
  ['Express, body parsing, pino', /express|body-parser|pino|raw-body|router/],
  ['dataloader', /dataloader/],
  ['Samverkan src/', /\/src\//],
  ['Node internals', /^node:|internal\//],
];
/** Native frames worth naming: the socket writes of Bolt messages and HTTP responses. */
const NATIVE: Record<string, string> = { writeBuffer: 'socket writes', writev: 'socket writes', '(garbage collector)': 'garbage collection' };

function groupOf(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  if (NATIVE[functionName]) return NATIVE[functionName];
  if (functionName === '(idle)' || functionName === '(program)') return functionName;
  for (const [name, pattern] of GROUPS) if (pattern.test(url)) return name;
  return url ? 'other' : `(${functionName || 'native'})`;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'from-end': { type: 'string' }, 'to-end': { type: 'string', default: '0' } } });
const profile = JSON.parse(fs.readFileSync(positionals[0], 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
// Sample times are the running sum of the deltas; the window is counted back from the end.
const windowStart = values['from-end'] ? profile.endTime - Number(values['from-end']) * 1e6 : -Infinity;
const windowEnd = profile.endTime - Number(values['to-end']) * 1e6;
let time = profile.endTime - profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
profile.samples.forEach((id, i) => {
  time += profile.timeDeltas[i] ?? 0;
  if (time >= windowStart && time <= windowEnd) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
});
const groups = new Map<string, number>();
const functions = new Map<string, number>();
let busy = 0;
for (const [id, ms] of self) {
  const node = byId.get(id) as ProfileNode;
  const group = groupOf(node);
  if (group === '(idle)') continue;
  busy += ms;
  groups.set(group, (groups.get(group) ?? 0) + ms);
  const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/.*node_modules\//, '').replace(/.*\/work\/main\//, '')}:${node.callFrame.lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + ms);
}
const pct = (ms: number) => `${((100 * ms) / busy).toFixed(1)} %`;
process.stdout.write(`busy ${busy.toFixed(0)} ms\n\n| group | self ms | share of busy |\n|---|---|---|\n`);
for (const [group, ms] of [...groups].sort((a, b) => b[1] - a[1])) process.stdout.write(`| ${group} | ${ms.toFixed(0)} | ${pct(ms)} |\n`);
process.stdout.write('\n| function | self ms | share |\n|---|---|---|\n');
for (const [name, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 20)) process.stdout.write(`| ${name} | ${ms.toFixed(0)} | ${pct(ms)} |\n`);
