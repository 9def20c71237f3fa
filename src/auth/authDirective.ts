import { defaultFieldResolver, isInterfaceType, isObjectType, type GraphQLFieldConfig, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import type { Context } from '../context';
import { ForbiddenError } from '../errors';
import { maySeeCitizenDetails } from './policy';
import { isRole, roleIncludes, type Role } from './roles';

/** The SDL of the access rules; schema/base.graphql declares the same (a test compares them). */
export const AUTH_DIRECTIVE = 'auth';
export const CITIZEN_DETAIL_DIRECTIVE = 'citizenDetail';

export type FieldResolver = GraphQLFieldResolver<unknown, Context>;

/** A wrapper the schema layer puts around one field's resolver (audit, argument guards). */
export type FieldWrapper = (typeName: string, fieldName: string, resolve: FieldResolver) => FieldResolver;

export interface MutationWrappers {
  /** Checks of the arguments, run after the role check and before the resolver. */
  guards?: FieldWrapper[];
  /** Outermost: sees every call, including those the role check refused. */
  audit?: FieldWrapper;
}

interface CitizenLike {
  id: string;
  registeredBy?: string | null;
}

/** The rule of a field: its own `@auth`, else its type's. Null when neither has one. */
export function ruleOf(schema: GraphQLSchema, typeName: string, fieldName: string): Role | null {
  const type = schema.getType(typeName);
  if (!type || !(isObjectType(type) || isInterfaceType(type))) return null;
  const field = type.getFields()[fieldName];
  const own = field?.astNode ? getDirective(schema, field, AUTH_DIRECTIVE)?.[0] : undefined;
  const inherited = typeName === 'Query' || typeName === 'Mutation' ? undefined : getDirective(schema, type, AUTH_DIRECTIVE)?.[0];
  const requires = (own ?? inherited)?.requires;
  return isRole(requires) ? requires : null;
}

function maskOf(schema: GraphQLSchema, field: GraphQLFieldConfig<unknown, Context>): 'NULL' | 'PSEUDONYM' | null {
  const detail = getDirective(schema, field, CITIZEN_DETAIL_DIRECTIVE)?.[0];
  if (!detail) return null;
  return detail.mask === 'PSEUDONYM' ? 'PSEUDONYM' : 'NULL';
}

/**
 * Enforces `@auth(requires: ROLE)` and `@citizenDetail` once, for the whole
 * schema, and writes each field's rule into its description so that GraphiQL's
 * documentation shows who may call what. VIEWER fields are left unwrapped: every
 * authenticated caller holds at least VIEWER, and unauthenticated requests never
 * reach execution. Mutation fields become audit(role check(guards(resolver))),
 * so a refused call is audited too.
 */
export function applyAccessRules(schema: GraphQLSchema, mutation: MutationWrappers = {}): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const requires = ruleOf(schema, typeName, fieldName);
      if (requires === null) {
        throw new Error(`${typeName}.${fieldName} has no access rule: give it @auth(requires: ROLE), or give ${typeName} one.`);
      }
      const mask = maskOf(schema, field);
      let resolve: FieldResolver = (field.resolve as FieldResolver | undefined) ?? defaultFieldResolver;
      if (mask) {
        const inner = resolve;
        resolve = (source, args, ctx, info) => {
          const citizen = source as CitizenLike;
          if (maySeeCitizenDetails(ctx.principal, citizen.registeredBy)) return inner(source, args, ctx, info);
          return mask === 'PSEUDONYM' ? `Citizen ${citizen.id}` : null;
        };
      }
      if (typeName === 'Mutation') {
        for (const wrap of mutation.guards ?? []) resolve = wrap(typeName, fieldName, resolve);
      }
      if (requires !== 'VIEWER') {
        const inner = resolve;
        resolve = (source, args, ctx, info) => {
          if (!roleIncludes(ctx.principal.role, requires)) {
            throw new ForbiddenError(`${typeName}.${fieldName} needs the ${requires} role (or higher); your role is ${ctx.principal.role}. Ask an administrator for a token or API key with that role.`, {
              requiredRole: requires,
            });
          }
          return inner(source, args, ctx, info);
        };
      }
      if (typeName === 'Mutation' && mutation.audit) resolve = mutation.audit(typeName, fieldName, resolve);
      const rule = mask ? `Requires: ${requires}; a citizen's detail, shown only to ADMIN and to editors of the registering organisation.` : `Requires: ${requires}.`;
      return { ...field, resolve, description: field.description ? `${field.description}\n\n${rule}` : rule };
    },
  });
}

/** Fields of object and interface types that carry no rule, for the schema test. */
export function fieldsWithoutRule(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const fieldName of Object.keys(type.getFields())) {
      if (ruleOf(schema, type.name, fieldName) === null) missing.push(`${type.name}.${fieldName}`);
    }
  }
  return missing;
}

