import type { GraphQLResolveInfo } from 'graphql';
import type { DetailShape, ListShape } from './actorRepository';
import { needsActorDetail, selectedAreasAsOf, selectedTies, selects } from '../loaders/selection';
import { tieListArgs } from '../collaborations/tiePage';

/**
 * What a list of actors (`actors`, `area { actors }`) must fetch for the request's
 * selection: whole records only when a field beyond the list projection is
 * selected, and each actor's page of ties in the same statement when all its
 * `collaborations` fields ask for the same page.
 */
export function actorListShape(info: GraphQLResolveInfo): ListShape {
  return { detail: needsActorDetail(info, [['nodes'], ['edges', 'node']]), ties: tiesAt(info) };
}

/** What `actor(id)` fetches with the actor: its selected page of ties and its selected memberships, in the same statement. */
export function actorDetailShape(info: GraphQLResolveInfo): DetailShape {
  return { ties: tiesAt(info, [[]]), areas: selectedAreasAsOf(info) };
}

/** The loader key of the page of ties selected at `paths` (by default a list's actors), when one page is selected. */
function tiesAt(info: GraphQLResolveInfo, paths?: readonly string[][]): ListShape['ties'] {
  const selected = selectedTies(info, paths);
  if (!selected) return null;
  try {
    return tieListArgs(selected.args, selected.shape);
  } catch {
    // A bad `first` or `after` on the ties: their own resolver reports it, with its path.
    return null;
  }
}

/** Whether the selection needs the page's rows: a connection asked only for `totalCount` reads none. */
export function needsPage(info: GraphQLResolveInfo): boolean {
  return selects(info, 'edges') || selects(info, 'nodes') || selects(info, 'pageInfo');
}
