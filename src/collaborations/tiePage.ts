import type { CollaborationKind } from '../model';
import { decodeCursor, pageSize } from '../pagination/cursor';
import type { TieShape } from '../loaders/selection';
import type { TieListArgs } from './collaborationRepository';

export interface TiePageArgs {
  asOf?: string | null;
  kind?: CollaborationKind | null;
  first?: number | null;
  after?: string | null;
}

/**
 * The loader key of one page of an actor's ties, built in one place: the
 * `collaborations` field and the list statements that prefetch that page for a
 * whole list of actors must agree on it, or the prefetched page would not be found.
 * Throws BAD_USER_INPUT for a bad `first` or `after`.
 */
export function tieListArgs(args: TiePageArgs, shape: TieShape): TieListArgs {
  const first = pageSize(args.first);
  return {
    asOf: args.asOf ?? null,
    kind: args.kind ?? null,
    after: decodeCursor('collaborations', args.after),
    limit: first + 1,
    tieDetail: shape.tieDetail,
    partnerDetail: shape.partnerDetail,
    initiative: shape.initiative,
  };
}
