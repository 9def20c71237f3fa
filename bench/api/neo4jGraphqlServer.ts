/**
 * The @neo4j/graphql 7 contender of `npm run bench:api` (a child process): Apollo
 * Server 5 (standalone, as the library's guide sets it up) on the schema
 * @neo4j/graphql generates from bench/api/neo4jGraphqlTypeDefs.ts.
 * Env: BENCH_NEO4J_URI; prints `LISTENING <url>` on stdout.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { neo4jGraphqlTypeDefs } from './neo4jGraphqlTypeDefs';

async function main(): Promise<void> {
  const driver = neo4j.driver(process.env.BENCH_NEO4J_URI as string, undefined, { maxConnectionPoolSize: 50 });
  const schema = await new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  process.stdout.write(`LISTENING ${url}\n`);
}

void main();
