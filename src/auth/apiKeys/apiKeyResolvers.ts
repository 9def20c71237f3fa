import { decodeCursor, pageSize } from '../../pagination/cursor';
import { toConnection } from '../../pagination/connection';
import type { Principal } from '../principal';
import type { ApiKeyRecord } from './apiKeyRepository';
import { isActive, type ApiKeyService, type NewApiKeyInput } from './apiKeyService';

/** What these resolvers need from the request context (the service's Context carries it). */
export interface ApiKeyContext {
  readonly principal: Principal;
  readonly apiKeys: ApiKeyService;
  readonly now: Date;
}

const LIST = 'apiKeys';

/** Access rules live in schema/apiKey.graphql (`@auth(requires: ADMIN)` throughout). */
export const apiKeyResolvers = {
  ApiKey: {
    status: (key: ApiKeyRecord, _: unknown, ctx: ApiKeyContext) => (key.revokedAt !== null ? 'REVOKED' : isActive(key, ctx.now) ? 'ACTIVE' : 'EXPIRED'),
  },
  Query: {
    apiKeys: async (_: unknown, args: { first?: number | null; after?: string | null }, ctx: ApiKeyContext) => {
      const first = pageSize(args.first);
      const after = decodeCursor(LIST, args.after);
      const keys = await ctx.apiKeys.list(after, first + 1);
      return toConnection(LIST, keys.map((node) => ({ node })), first, (row) => row.node.id, () => ctx.apiKeys.count());
    },
  },
  Mutation: {
    createApiKey: async (_: unknown, args: { input: NewApiKeyInput }, ctx: ApiKeyContext) => {
      const created = await ctx.apiKeys.create(args.input, ctx.principal.id);
      // `id` is not in the SDL: the audit entry takes a result's top-level id as its target (src/audit/auditTargets.ts).
      return { ...created, id: created.apiKey.id };
    },
    revokeApiKey: (_: unknown, args: { id: string }, ctx: ApiKeyContext) => ctx.apiKeys.revoke(args.id),
  },
};
