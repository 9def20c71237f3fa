/**
 * The raw-driver contender of `npm run bench:api` (a child process): an HTTP
 * endpoint that runs one hand-written statement per workload (bench/api/cypher/)
 * in one managed read transaction and answers its rows as JSON. The floor: no
 * GraphQL, no resolvers, no value conversion beyond what the driver does.
 * Env: BENCH_NEO4J_URI; prints `LISTENING <url>` on stdout.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import neo4j from 'neo4j-driver';

const STATEMENTS = Object.fromEntries(
  ['areaPage', 'actorDetail', 'areaActorsPage', 'areaActorCount', 'largestDistrict'].map((name) => [name, fs.readFileSync(path.join(__dirname, 'cypher', `${name}.cypher`), 'utf8')]),
);

const driver = neo4j.driver(process.env.BENCH_NEO4J_URI as string, undefined, { disableLosslessIntegers: true, maxConnectionPoolSize: 50 });

async function answer(body: { statement: string; params: Record<string, unknown> }): Promise<unknown[]> {
  const text = STATEMENTS[body.statement];
  if (!text) throw new Error(`unknown statement ${body.statement}`);
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(text, body.params));
    return result.records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    answer(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { statement: string; params: Record<string, unknown> }).then(
      (rows) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ rows }));
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: String(error) }));
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`LISTENING http://127.0.0.1:${address.port}/\n`);
});
