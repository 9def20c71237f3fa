import type { GraphQLResolveInfo } from 'graphql';
import type { ListShape } from './actorRepository';
import { needsActorDetail, selectedTies, selects } from '../loaders/selection';
import { tieListArgs } from '../collaborations/tiePage';

/**
 * What a list of actors (`actors`, `area { actors }`) must fetch for the request's
 * selection: whole records only when a field beyond the list projection is
 * selected, and each actor's page of ties in the same statement when all its
 * `collaborations` fields ask for the same page.
 */
export function actorListShape(info: GraphQLResolveInfo): ListShape {
  const detail = needsActorDetail(info, [['nodes'], ['edges', 'node']]);
  const selected = selectedTies(info);
  if (!selected) return { detail, ties: null };
  try {
    return { detail, ties: tieListArgs(selected.args, selected.shape) };
  } catch {
    // A bad `first` or `after` on the ties: their own resolver reports it, with its path.
    return { detail, ties: null };
  }
}

/** Whether the selection needs the page's rows: a connection asked only for `totalCount` reads none. */
export function needsPage(info: GraphQLResolveInfo): boolean {
  return selects(info, 'edges') || selects(info, 'nodes') || selects(info, 'pageInfo');
}
