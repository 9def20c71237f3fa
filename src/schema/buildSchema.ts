import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { DateTimeResolver } from 'graphql-scalars';
import { LocalDate } from './localDate';
import type { GraphQLSchema } from 'graphql';
import { repositoryRoot } from '../db/queryStore';
import { actorResolvers } from '../actors/actorResolvers';
import { areaResolvers } from '../areas/areaResolvers';
import { initiativeResolvers } from '../initiatives/initiativeResolvers';
import { collaborationResolvers } from '../collaborations/collaborationResolvers';
import { systemResolvers } from '../system/systemResolvers';
import { structureResolvers } from '../analytics/structureResolvers';
import { gdsResolvers } from '../analytics/gdsResolvers';
import { auditResolvers } from '../audit/auditResolvers';
import { privacyResolvers } from '../privacy/privacyResolvers';
import { auditMutation } from '../audit/auditWrapper';
import { applyAccessRules } from '../auth/authDirective';
import { apiKeyResolvers } from '../auth/apiKeys/apiKeyResolvers';
import { timelineResolvers } from '../timeline/timelineResolvers';
import { reportResolvers } from '../reports/reportResolvers';
import { jobResolvers } from '../analytics/jobs/jobResolvers';
import { networkResolvers } from '../visualisation/networkResolvers';
import { storedTextGuard } from '../validation/storedText';

export const SCHEMA_DIR = path.join(repositoryRoot(), 'schema');

/** The SDL of every `schema/*.graphql` file, base first. */
export function loadTypeDefs(dir: string = SCHEMA_DIR): string[] {
  const files = fs.readdirSync(dir).filter((file) => file.endsWith('.graphql'));
  files.sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((file) => fs.readFileSync(path.join(dir, file), 'utf8'));
}

type ResolverMap = Record<string, Record<string, unknown>>;

/** Merges per-domain resolver maps; `Query` and `Mutation` fields are combined. */
export function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}

/**
 * Schema-first: the SDL files are the contract, the resolvers fill them in, and
 * the access rules written in the SDL (`@auth`, `@citizenDetail`) wrap them once.
 */
export function buildSchema(extra: ResolverMap[] = [], extraTypeDefs: string[] = []): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: [...loadTypeDefs(), ...extraTypeDefs],
    resolvers: mergeResolvers(
      { LocalDate: LocalDate as unknown as Record<string, unknown>, DateTime: DateTimeResolver as unknown as Record<string, unknown> },
      systemResolvers,
      actorResolvers,
      areaResolvers,
      initiativeResolvers,
      collaborationResolvers,
      structureResolvers,
      gdsResolvers,
      auditResolvers,
      privacyResolvers,
      apiKeyResolvers,
      timelineResolvers,
      reportResolvers,
      jobResolvers,
      networkResolvers,
      ...extra,
    ),
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
  return applyAccessRules(schema, { guards: [storedTextGuard], audit: auditMutation });
}
