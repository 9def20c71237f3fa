/**
 * graphql-jit against graphql-js on the benchmark's Samverkan queries, in process:
 * `NEO4J_URI=bolt://… npx tsx bench/api/jitCompare.ts --jit <folder holding node_modules/graphql-jit> [--ops 200]`
 * on a database loaded by `npm run bench:api -- --reuse`. graphql-jit is not a
 * dependency (docs/performance.md says why); install it anywhere for this measurement.
 * Each query is parsed and validated once (Apollo caches that too); per operation a
 * fresh context runs the execution alone, and the process's CPU time per operation is
 * compared. Both answers must be equal, else the query is reported and not timed.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { execute, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { Database, createDriver } from '../../src/db/database';
import { QueryStore } from '../../src/db/queryStore';
import { buildSchema } from '../../src/schema/buildSchema';
import { createContext } from '../../src/context';
import { silentLogger } from '../../src/logger';
import { createServiceInfoProvider } from '../../src/system/serviceInfo';
import { AnalyticsService } from '../../src/analytics/analyticsService';
import { DEVELOPMENT_ADMIN } from '../../src/auth/principal';
import fs from 'node:fs';

const { values } = parseArgs({ options: { jit: { type: 'string' }, ops: { type: 'string', default: '200' } } });
type Compiled = { query(root: unknown, context: unknown, variables: unknown): Promise<ExecutionResult> | ExecutionResult };
type CompileQuery = (schema: GraphQLSchema, document: DocumentNode) => Compiled | ExecutionResult;
const jitFolder = path.resolve(values.jit ?? '.');
const { compileQuery, isCompiledQuery } = createRequire(path.join(jitFolder, 'package.json'))('graphql-jit') as {
  compileQuery: CompileQuery;
  isCompiledQuery: (value: unknown) => value is Compiled;
};

const QUERIES: Record<string, string> = {
  actorDetail: `query($id: ID!) { actor(id: $id) { id name kind sector description website
    collaborations(first: 100) { edges { node { id kind since until strength } partner { id name sector } } }
    areas { since until area { id name level } } } }`,
  areaPage: `query($areaId: ID!) { actors(first: 50, filter: { areaId: $areaId }) { nodes { id name kind sector
    collaborations(first: 10) { edges { node { id kind since until strength } partner { id name sector } } } } } }`,
  page: `query($areaId: ID!) { actors(first: 50, filter: { areaId: $areaId }) { nodes { id name kind sector } pageInfo { endCursor hasNextPage } } }`,
  count: `query($areaId: ID!) { actors(first: 0, filter: { areaId: $areaId }) { totalCount } }`,
};

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';
  const db = new Database(createDriver({ uri }), QueryStore.load());
  const serviceInfo = createServiceInfoProvider(db, 'bench');
  const analytics = new AnalyticsService({ db, serviceInfo, logger: silentLogger, timeoutMs: 30_000 });
  const context = () => createContext({ db, logger: silentLogger, serviceInfo, analytics, principal: DEVELOPMENT_ADMIN });
  const setup = await db.driver.executeQuery(fs.readFileSync(path.join(__dirname, 'cypher', 'largestDistrict.cypher'), 'utf8'));
  const variables = { id: setup.records[0].get('actorId') as string, areaId: setup.records[0].get('areaId') as string };
  const schema = buildSchema();
  const ops = Number(values.ops);
  process.stdout.write('| query | graphql-js CPU ms/op | graphql-jit CPU ms/op | jit ÷ js | same answer |\n|---|---|---|---|---|\n');
  for (const [name, text] of Object.entries(QUERIES)) {
    const document = parse(text);
    if (validate(schema, document).length > 0) throw new Error(`${name} does not validate`);
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit could not compile ${name}: ${JSON.stringify(compiled.errors)}`);
    const runners = {
      js: () => execute({ schema, document, contextValue: context(), variableValues: variables }) as Promise<ExecutionResult>,
      jit: () => compiled.query(undefined, context(), variables) as Promise<ExecutionResult>,
    };
    const [jsAnswer, jitAnswer] = [await runners.js(), await runners.jit()];
    const same = isDeepStrictEqual(JSON.parse(JSON.stringify(jsAnswer)), JSON.parse(JSON.stringify(jitAnswer)));
    const cpu: Record<string, number> = { js: 0, jit: 0 };
    // Interleaved in blocks of 10, so that load on the machine falls on both alike.
    for (let block = 0; block < ops / 10; block++) {
      for (const which of ['js', 'jit'] as const) {
        const before = process.cpuUsage();
        for (let i = 0; i < 10; i++) await runners[which]();
        const used = process.cpuUsage(before);
        cpu[which] += (used.user + used.system) / 1000;
      }
    }
    const [js, jit] = [cpu.js / ops, cpu.jit / ops];
    process.stdout.write(`| ${name} | ${js.toFixed(2)} | ${jit.toFixed(2)} | ${(jit / js).toFixed(2)} | ${same ? 'yes' : 'NO'} |\n`);
  }
  await db.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
