import { ApolloServer, type BaseContext } from '@apollo/server';
import { getIntrospectionQuery, parse, validate, type GraphQLFormattedError } from 'graphql';
import { buildSchema } from '../../../src/schema/buildSchema';
import { DEFAULT_LIMITS } from '../../../src/config';
import { armorFor } from '../../../src/limits/armor';
import { createErrorFormatter } from '../../../src/errors';
import { createLogger } from '../../../src/logger';
import { operationCorpus } from './documentCorpus';

const schema = buildSchema();
const armor = armorFor(DEFAULT_LIMITS);

describe('the limits let every documented and tested operation through', () => {
  const { documents, unresolved } = operationCorpus();

  it('finds the README and the integration tests’ operations', () => {
    expect(documents.filter((document) => document.where.startsWith('README.md')).length).toBeGreaterThanOrEqual(5);
    expect(documents.length).toBeGreaterThan(50);
    // A template literal the corpus cannot read would escape this test unseen.
    expect(unresolved).toEqual([]);
  });

  it('GraphiQL’s introspection query', () => {
    const document = parse(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }), armor.parseOptions);
    expect(validate(schema, document, armor.validationRules)).toEqual([]);
  });

  it.each(documents.map((document) => [document.where, document.text]))('%s', (_where, text) => {
    const document = parse(text, armor.parseOptions);
    const errors = validate(schema, document, armor.validationRules);
    expect(errors.map((error) => error.message)).toEqual([]);
  });
});

describe('the limits refuse bombs with QUERY_TOO_COMPLEX', () => {
  let server: ApolloServer<BaseContext>;
  const logged: string[] = [];

  beforeAll(async () => {
    server = new ApolloServer({ schema, formatError: createErrorFormatter(createLogger('error', (line) => logged.push(line))), ...armor });
    await server.start();
  });
  afterAll(() => server.stop());

  async function errorsOf(query: string): Promise<readonly GraphQLFormattedError[]> {
    const response = await server.executeOperation({ query });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    expect(response.body.singleResult.data).toBeUndefined();
    return response.body.singleResult.errors ?? [];
  }

  function expectRefusal(errors: readonly GraphQLFormattedError[], limit: string, max: number): void {
    const refusal = errors.find((error) => error.extensions?.limit === limit);
    expect(refusal?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit, max });
    expect(refusal?.message).toContain(String(max));
    for (const error of errors) expect(error.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  }

  it('an alias bomb: 1,000 aliases of brokers, each a different asOf', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `b${i}: brokers(scope: { asOf: "2020-01-${String((i % 28) + 1).padStart(2, '0')}" }) { brokers { rank } }`);
    const errors = await errorsOf(`{ ${aliases.join(' ')} }`);
    // 70 KB: refused for its size, before it is parsed past the token limit.
    expectRefusal(errors, 'documentCharacters', DEFAULT_LIMITS.maxTokens * 10);
  });

  it('an alias bomb small enough to parse: 60 aliases of brokers', async () => {
    const aliases = Array.from({ length: 60 }, (_, i) => `b${i}: brokers { brokers { rank } }`);
    const errors = await errorsOf(`{ ${aliases.join(' ')} }`);
    expectRefusal(errors, 'aliases', DEFAULT_LIMITS.maxAliases);
    expectRefusal(errors, 'analyticsFields', 10);
  });

  it('eleven analytics fields, even without aliases and through a fragment', async () => {
    const aliased = Array.from({ length: 5 }, (_, i) => `e${i}: eiIndex(scope: { asOf: "2020-01-0${i + 1}" }) { expected }`).join(' ');
    const errors = await errorsOf(`{ ...A brokers { brokers { rank } } ${aliased} }
      fragment A on Query { sectorMatrix { totalTies } eiIndex { expected } assortativity { coefficient } diversity { areas { area { id } } } helixCoverage { areas { coverage } } }`);
    expectRefusal(errors, 'analyticsFields', 10);
  });

  it('a depth bomb: initiatives → participants → actor → initiatives, 12 deep', async () => {
    let selection = 'id';
    for (let i = 0; i < 2; i++) selection = `initiatives { initiative { participants { actor { ${selection} } } } }`;
    const errors = await errorsOf(`{ initiatives { nodes { participants { actor { ${selection} } } } } }`);
    expectRefusal(errors, 'depth', DEFAULT_LIMITS.maxDepth);
  });

  it('a 100 KB document (a long comment under the token limit)', async () => {
    const errors = await errorsOf(`# ${'x'.repeat(100 * 1024)}\n{ serviceInfo { version } }`);
    expectRefusal(errors, 'documentCharacters', DEFAULT_LIMITS.maxTokens * 10);
  });

  it('a 100 KB document of repeated fields (past the token limit)', async () => {
    const errors = await errorsOf(`{ ${'serviceInfo { version } '.repeat(4300)} }`);
    expectRefusal(errors, 'documentCharacters', DEFAULT_LIMITS.maxTokens * 10);
  });

  it('too many tokens in a short document', async () => {
    const errors = await errorsOf(`{ serviceInfo { ${'version '.repeat(2100)} } }`);
    expectRefusal(errors, 'tokens', DEFAULT_LIMITS.maxTokens);
  });

  it('too many directives', async () => {
    const errors = await errorsOf(`{ serviceInfo { ${Array.from({ length: 25 }, () => 'version @include(if: true)').join(' ')} } }`);
    expectRefusal(errors, 'directives', DEFAULT_LIMITS.maxDirectives);
  });

  it('a cost bomb: pages of 100 nested three times', async () => {
    const errors = await errorsOf(`{ actors(first: 100) { nodes { collaborations(first: 100) { edges { partner { collaborations(first: 100) { edges { node { id } } } } } } } } }`);
    expectRefusal(errors, 'cost', DEFAULT_LIMITS.maxCost);
  });

  it('no field suggestions in errors', async () => {
    const errors = await errorsOf('{ serviceInf { version } actors(filter: { sectors: [PUBLI] }) { totalCount } }');
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.message).not.toMatch(/Did you mean|serviceInfo|PUBLIC/);
  });
});
