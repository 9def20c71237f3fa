import type { Context } from '../context';
import { decodeCursor, pageSize } from '../pagination/cursor';
import { toConnection } from '../pagination/connection';
import type { AuditListFilter } from './auditRepository';

interface AuditFilterInput {
  principal?: string | null;
  operation?: string | null;
  target?: string | null;
  outcome?: string | null;
  from?: Date | string | null;
  to?: Date | string | null;
}

const iso = (value: Date | string | null | undefined) => (value == null ? null : value instanceof Date ? value.toISOString() : value);

function listFilter(filter: AuditFilterInput | null | undefined): AuditListFilter {
  return {
    principal: filter?.principal ?? null,
    operation: filter?.operation ?? null,
    target: filter?.target ?? null,
    outcome: filter?.outcome ?? null,
    from: iso(filter?.from),
    to: iso(filter?.to),
  };
}

export const auditResolvers = {
  Query: {
    auditLog: async (_: unknown, args: { filter?: AuditFilterInput | null; first?: number | null; after?: string | null }, ctx: Context) => {
      const first = pageSize(args.first);
      const after = decodeCursor('auditLog', args.after);
      const rows = await ctx.repos.audit.list(listFilter(args.filter), after, first + 1);
      // totalCount is not offered: the log grows without bound, and counting it would scan it whole.
      return toConnection('auditLog', rows.map((node) => ({ node })), first, (row) => row.node.id, async () => 0);
    },
  },
};
