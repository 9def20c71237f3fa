/**
 * Neo4j's PROFILE of every statement the benchmark's workloads send, on a database
 * that already holds a generated city (NEO4J_URI, e.g. one loaded by
 * `npm run bench:api -- --reuse`): `npx tsx bench/api/profileStatements.ts [--queries <dir>]`.
 * Prints each statement's database hits, rows and server time, and its plan's
 * operators; `--queries` points at another checkout's cypher/queries for before/after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { QueryStore } from '../../src/db/queryStore';
import { toParams } from '../../src/db/values';

const { values } = parseArgs({ options: { queries: { type: 'string' }, runs: { type: 'string', default: '5' } } });
const store = QueryStore.load(values.queries);
const driver = neo4j.driver(process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687', undefined, { disableLosslessIntegers: true });
const rawText = (name: string) => fs.readFileSync(path.join(__dirname, 'cypher', `${name}.cypher`), 'utf8');

function walk(plan: ProfiledPlan, depth = 0, lines: string[] = []): string[] {
  lines.push(`${'  '.repeat(depth)}${plan.operatorType} rows=${plan.rows} hits=${plan.dbHits}`);
  for (const child of plan.children) walk(child, depth + 1, lines);
  return lines;
}
const totalHits = (plan: ProfiledPlan): number => plan.dbHits + plan.children.reduce((sum, child) => sum + totalHits(child), 0);

async function profile(label: string, text: string, params: Record<string, unknown>): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const times: number[] = [];
    let plan: ProfiledPlan | false = false;
    for (let run = 0; run < Number(values.runs); run++) {
      const result = await session.run(`PROFILE ${text}`, toParams(params) as Record<string, unknown>);
      times.push(Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter));
      plan = result.summary.profile;
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
    if (!plan) return;
    process.stdout.write(`\n### ${label}: ${totalHits(plan)} db hits, median ${median} ms server time\n\n\`\`\`\n${walk(plan).join('\n')}\n\`\`\`\n`);
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const session = driver.session();
  const setup = (await session.run(rawText('largestDistrict'))).records[0].toObject() as { areaId: string; actorId: string };
  await session.close();
  const areaId = setup.areaId;
  const filter = { citizenNamesOf: null, search: null, areaId, kinds: null, sectors: null, activeAsOf: null, synthetic: null };
  const shape = { detail: false, withTies: true, tieAsOf: null, tieKind: null, tieAfter: null, tieLimit: 11, tieDetail: false, partnerDetail: false };
  const has = (name: string) => store.names().includes(name);
  await profile('actors/list (area page: 51 actors with ties)', store.get('actors/list'), { ...filter, after: null, limit: 51, ...shape });
  await profile('actors/list (a page of the walk)', store.get('actors/list'), { ...filter, after: null, limit: 51, ...shape, withTies: false });
  await profile('actors/count (area filter)', store.get('actors/count'), filter);
  if (has('areas/actorsByAreas')) await profile('areas/actorsByAreas (area page)', store.get('areas/actorsByAreas'), { ids: [areaId], asOf: null, includeSubAreas: true, after: null, limit: 51, ...shape });
  await profile('areas/countActorsByAreas', store.get('areas/countActorsByAreas'), { ids: [areaId], asOf: null, includeSubAreas: true });
  await profile('collaborations/byActors (actor detail)', store.get('collaborations/byActors'), { ids: [setup.actorId], asOf: null, kind: null, after: null, limit: 101, tieDetail: false, partnerDetail: false });
  if (has('actors/detailByIds')) {
    await profile('actors/detailByIds (actor detail: ties, partners, areas)', store.get('actors/detailByIds'), {
      ids: [setup.actorId], ...shape, tieLimit: 101, withAreas: true, areasAsOf: null,
    });
  }
  await profile('raw actorDetail', rawText('actorDetail'), { id: setup.actorId });
  await profile('raw areaPage', rawText('areaPage'), { areaId });
  await profile('raw areaActorCount', rawText('areaActorCount'), { areaId });
  await driver.close();
}

void main();
