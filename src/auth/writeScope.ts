import type { Tx } from '../db/database';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Principal } from './principal';
import { quoteForError } from '../validation/quoteForError';
import { writeScope } from './policy';

interface LockedActor {
  id: string;
  found: boolean;
  kind: string | null;
  inScope: boolean;
}

function outside(principal: Principal, what: string): ForbiddenError {
  const organisations = principal.organisations.length ? principal.organisations.join(', ') : 'none';
  return new ForbiddenError(
    `${what} is outside your organisations (${organisations}): an EDITOR may change only its organisations' own records, ties with one end in them, and the citizens they registered. Ask an ADMIN or an editor of that organisation.`,
    { organisations: principal.organisations },
  );
}

/**
 * Locks the actors a write touches and checks, in Cypher and inside the write's
 * own transaction, that the caller's organisations cover them: `every` actor, or
 * (for a tie) `any` of them. NOT_FOUND names the first missing actor.
 */
export async function lockActorsInScope(tx: Tx, principal: Principal, ids: readonly string[], need: 'every' | 'any' = 'every'): Promise<LockedActor[]> {
  const rows = await tx.run<LockedActor>('auth/lockActorsForWrite', { ids, organisations: writeScope(principal) });
  const missing = rows.find((row) => !row.found);
  if (missing) throw new NotFoundError('Actor', missing.id);
  const covered = need === 'every' ? rows.every((row) => row.inScope) : rows.some((row) => row.inScope);
  if (!covered) {
    const first = rows.find((row) => !row.inScope);
    throw outside(principal, need === 'every' ? `Actor ${quoteForError(first?.id)}` : `A tie between ${rows.map((row) => quoteForError(row.id)).join(' and ')}`);
  }
  return rows;
}

/** The same for an existing tie: locks both ends; one of them must be covered. */
export async function lockTieInScope(tx: Tx, principal: Principal, tieId: string): Promise<string[]> {
  const [row] = await tx.run<{ actorIds: string[]; inScope: boolean }>('auth/lockTieForWrite', { id: tieId, organisations: writeScope(principal) });
  if (!row) throw new NotFoundError('Collaboration', tieId);
  if (!row.inScope) throw outside(principal, `Tie ${quoteForError(tieId)} (between ${quoteForError(row.actorIds[0])} and ${quoteForError(row.actorIds[1])})`);
  return row.actorIds;
}
