import { parse, Kind, type DocumentNode } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildSchema, loadTypeDefs } from '../../src/schema/buildSchema';
import { applyAccessRules, fieldsWithoutRule, ruleOf } from '../../src/auth/authDirective';

/** The access rules live in the SDL; these tests fail when a field has none. */
describe('access rules in the schema', () => {
  const schema = buildSchema();
  const documents: DocumentNode[] = loadTypeDefs().map((sdl) => parse(sdl));

  it('gives every field of every object and interface type a rule', () => {
    expect(fieldsWithoutRule(schema)).toEqual([]);
  });

  it('writes the rule on every Query and Mutation field itself, not inherited', () => {
    const bare: string[] = [];
    for (const document of documents) {
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
        if (definition.name.value !== 'Query' && definition.name.value !== 'Mutation') continue;
        for (const field of definition.fields ?? []) {
          if (!field.directives?.some((directive) => directive.name.value === 'auth')) bare.push(`${definition.name.value}.${field.name.value}`);
        }
      }
    }
    expect(bare).toEqual([]);
  });

  it('refuses to build a schema with a field that lacks a rule', () => {
    const withHole = makeExecutableSchema({ typeDefs: [...loadTypeDefs(), 'extend type Query { "A field without a rule." hole: String }'] });
    expect(() => applyAccessRules(withHole)).toThrow(/Query\.hole has no access rule/);
  });

  it('states the rules a reader expects', () => {
    expect(ruleOf(schema, 'Query', 'actors')).toBe('VIEWER');
    expect(ruleOf(schema, 'Query', 'brokers')).toBe('ANALYST');
    expect(ruleOf(schema, 'Mutation', 'addCollaboration')).toBe('EDITOR');
    expect(ruleOf(schema, 'Mutation', 'createArea')).toBe('ADMIN');
    expect(ruleOf(schema, 'Query', 'auditLog')).toBe('ADMIN');
    expect(ruleOf(schema, 'AuditEntry', 'principal')).toBe('ADMIN');
    for (const field of Object.keys(schema.getQueryType()!.getFields())) {
      if (['sectorMatrix', 'eiIndex', 'brokers', 'communities', 'helixCoverage', 'crossSectorTies'].includes(field)) expect(ruleOf(schema, 'Query', field)).toBe('ANALYST');
    }
  });

  it('shows each rule in the field description GraphiQL displays', () => {
    expect(schema.getMutationType()!.getFields().eraseCitizen.description).toMatch(/Requires: ADMIN\.$/);
    expect((schema.getType('Citizen') as unknown as { getFields(): Record<string, { description?: string }> }).getFields().displayName.description).toMatch(/citizen's detail/);
  });
});
