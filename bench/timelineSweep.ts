/**
 * The timeline sweep alone (issue 8): `npx tsx bench/timelineSweep.ts [--actors 100000] [--runs 5]`.
 *
 * Builds the collaboration index of a generated city in memory, straight from the
 * generator (no Neo4j, no GraphQL), and times sweepSnapshots over the 40 quarter
 * ends 2016-Q1…2025-Q4 for the whole city and its largest district: the part of a
 * `timeline` request that grows with the city. Prints each run and the median;
 * asserts nothing.
 */
import { parseArgs } from 'node:util';
import { indexOfDataset } from '../src/analytics/collaborationIndex/indexOfDataset';
import { parseScope } from '../src/analytics/scope';
import { generateCity } from '../src/seed/generateCity';
import { sweepSnapshots } from '../src/timeline/timelineSweep';

const { values } = parseArgs({ options: { actors: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' }, runs: { type: 'string', default: '5' } } });
const city = generateCity({ actors: Number(values.actors), seed: Number(values.seed) });
const index = indexOfDataset(city, 'bench');
const days: number[] = [];
for (let year = 2016; year <= 2025; year += 1) for (const monthDay of [331, 630, 930, 1231]) days.push(year * 10000 + monthDay);

// The district with the most members at the last quarter end.
const lastDay = parseScope({ asOf: '2025-12-31' }, new Date());
const districts = [...city.areas].filter((area) => area.level === 'DISTRICT');
const largest = districts
  .map((area) => ({ id: area.id, members: index.membersOf({ ...lastDay, areaId: area.id }, index.filterOf(lastDay)).list.length }))
  .sort((a, b) => b.members - a.members)[0];

for (const [label, areaId] of [['whole city', null], [`largest district ${largest.id} (${largest.members} members)`, largest.id]] as const) {
  const scope = parseScope({ areaId, asOf: '2025-12-31' }, new Date());
  const times: number[] = [];
  for (let run = 0; run < Number(values.runs); run += 1) {
    const started = performance.now();
    sweepSnapshots(index, scope, days);
    times.push(performance.now() - started);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)];
  process.stdout.write(`${label}: 40 quarters swept in ${times.map((t) => t.toFixed(0)).join(' / ')} ms, median ${median.toFixed(0)} ms (${index.tieCount} ties in the index)\n`);
}
