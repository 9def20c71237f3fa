/**
 * Smoke test for the embedded Neo4j (src/db/embeddedNeo4j.ts):
 *   npx tsx scripts/neo4j-smoke.ts
 * Starts Neo4j in a temp dir, checks Neo4j/GDS/APOC answer, runs a betweenness
 * centrality on a tiny graph, stops, checks the JVM is gone, then starts again on the
 * same store (proves the store lock was released) and stops for good.
 * Exits non-zero on any failure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/db/embeddedNeo4j';
import { checkJavaToolchain } from '../src/db/javaToolchain';

const verbose = process.argv.includes('--verbose');

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function one<T>(driver: Driver, cypher: string, key: string): Promise<T> {
  const { records } = await driver.executeQuery(cypher);
  return records[0].get(key) as T;
}

async function start(dataDir: string): Promise<EmbeddedNeo4j> {
  const began = Date.now();
  const db = await startEmbeddedNeo4j({
    dataDir,
    boltPort: 0,
    log: verbose ? (line) => process.stderr.write(`  | ${line}\n`) : undefined,
  });
  say(`started ${db.uri} (pid ${db.pid}) in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  return db;
}

async function stopAndCheck(db: EmbeddedNeo4j): Promise<void> {
  const began = Date.now();
  await db.stop();
  await db.stop(); // idempotent
  if (isRunning(db.pid)) throw new Error(`JVM pid ${db.pid} is still running after stop()`);
  say(`stopped in ${((Date.now() - began) / 1000).toFixed(1)} s; pid ${db.pid} is gone`);
}

function rssMb(pid: number): string {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return `${Math.round(kb / 1024)} MB`;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const toolchain = checkJavaToolchain();
  if (!toolchain.ok) throw new Error(toolchain.message);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-neo4j-smoke-'));
  let db: EmbeddedNeo4j | undefined;
  try {
    db = await start(dataDir);
    const driver = neo4j.driver(db.uri);
    try {
      const components = await driver.executeQuery(
        'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
      );
      for (const r of components.records) {
        say(`neo4j: ${r.get('name')} ${r.get('version')} (${r.get('edition')})`);
      }
      say(`gds:   ${await one<string>(driver, 'RETURN gds.version() AS v', 'v')}`);
      say(`apoc:  ${await one<string>(driver, 'RETURN apoc.version() AS v', 'v')}`);

      // A path a-b-c-d plus a spur b-e: b and c sit on the most shortest paths.
      await driver.executeQuery(`
        CREATE (a:SmokeNode {name: 'a'}), (b:SmokeNode {name: 'b'}), (c:SmokeNode {name: 'c'}),
               (d:SmokeNode {name: 'd'}), (e:SmokeNode {name: 'e'}),
               (a)-[:LINK]->(b), (b)-[:LINK]->(c), (c)-[:LINK]->(d), (b)-[:LINK]->(e)`);
      const projected = await driver.executeQuery(`
        MATCH (s:SmokeNode)-[:LINK]->(t:SmokeNode)
        WITH gds.graph.project('smoke', s, t, {}, {undirectedRelationshipTypes: ['*']}) AS g
        RETURN g.nodeCount AS nodes, g.relationshipCount AS rels`);
      say(
        `projected graph 'smoke': ${projected.records[0].get('nodes')} nodes, ` +
          `${projected.records[0].get('rels')} relationships`,
      );
      const betweenness = await driver.executeQuery(`
        CALL gds.betweenness.stream('smoke') YIELD nodeId, score
        RETURN gds.util.asNode(nodeId).name AS name, score ORDER BY score DESC, name`);
      say(
        'betweenness: ' +
          betweenness.records.map((r) => `${r.get('name')}=${Number(r.get('score')).toFixed(1)}`).join(' '),
      );
      const top = betweenness.records[0];
      if (top.get('name') !== 'b') throw new Error('unexpected betweenness result: b should score highest');
      await driver.executeQuery("CALL gds.graph.drop('smoke') YIELD graphName RETURN graphName");
      const apocCount = await one<number>(
        driver,
        "MATCH (n:SmokeNode) WITH collect(n.name) AS names RETURN apoc.coll.sum([x IN names | size(x)]) AS v",
        'v',
      );
      say(`apoc.coll.sum works: ${apocCount}`);
      say(`JVM resident memory: ${rssMb(db.pid)}`);
    } finally {
      await driver.close();
    }
    await stopAndCheck(db);

    // Same store again: only works if the first JVM released the store lock.
    db = await start(dataDir);
    const again = neo4j.driver(db.uri);
    try {
      const count = await one<number>(again, 'MATCH (n:SmokeNode) RETURN count(n) AS v', 'v');
      say(`restart on the same store works: ${Number(count)} nodes still there`);
      if (Number(count) !== 5) throw new Error(`expected 5 nodes after restart, found ${count}`);
    } finally {
      await again.close();
    }
    await stopAndCheck(db);
    db = undefined;
    say('neo4j smoke test passed');
  } finally {
    if (db) await db.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`neo4j smoke test FAILED: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
