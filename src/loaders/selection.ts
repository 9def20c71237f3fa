import { getArgumentValues, isInterfaceType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Look-ahead into the request's selection, so that a list statement fetches what
 * the client asked for and nothing more: the properties (a list that shows names
 * need not decode every date-time), and the ties of each listed actor in the same
 * statement as the actors (one round trip instead of two).
 */

/** Actor fields that need more than the list projection (id, kind, sector, name, registeredBy, synthetic). */
const ACTOR_DETAIL_FIELDS = new Set(['description', 'website', 'organisationNumber', 'createdAt', 'updatedAt', 'consent', 'displayName']);
/** Tie fields that need more than the list projection (id, kind, since, until, strength, initiativeId, actorIds). */
const TIE_DETAIL_FIELDS = new Set(['source', 'recordedAt', 'recordedBy']);

/** The fields of a selection set named `name`, through inline fragments and fragment spreads. */
function fieldsNamed(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, name: string, into: FieldNode[] = []): FieldNode[] {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) into.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fieldsNamed(info, selection.selectionSet, name, into);
    } else {
      fieldsNamed(info, info.fragments[selection.name.value]?.selectionSet, name, into);
    }
  }
  return into;
}

/** The fields reached from the resolving field by `path` (each step a field name). */
export function fieldsAt(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const step of path) level = level.flatMap((node) => fieldsNamed(info, node.selectionSet, step));
  return level;
}

/** Whether the resolving field's selection names `name` directly (e.g. a connection's `totalCount`). */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  return fieldsAt(info, [name]).length > 0;
}

/** Every field name anywhere below the given fields: an over-approximation, which only ever fetches more. */
function namesBelow(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        names.add(selection.name.value);
        visit(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return names;
}

const anyOf = (names: Set<string>, wanted: Set<string>) => [...wanted].some((name) => names.has(name));

/** The names of the fields selected directly on the resolving field's value, through fragments. */
function namesHere(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, into = new Set<string>()): Set<string> {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) namesHere(info, selection.selectionSet, into);
    else namesHere(info, info.fragments[selection.name.value]?.selectionSet, into);
  }
  return into;
}

/** Whether every field selected directly on the resolving field's value is one of `allowed`. */
export function selectsOnly(info: GraphQLResolveInfo, allowed: ReadonlySet<string>): boolean {
  const names = new Set<string>();
  for (const node of info.fieldNodes) namesHere(info, node.selectionSet, names);
  return [...names].every((name) => allowed.has(name));
}

/** Whether the actors below `path` need their full records (some selected field is not in the list projection). */
export function needsActorDetail(info: GraphQLResolveInfo, path: readonly string[][]): boolean {
  return anyOf(namesBelow(info, path.flatMap((p) => fieldsAt(info, p))), ACTOR_DETAIL_FIELDS);
}

/** How a page of ties is fetched: which properties of the ties and of their partners. */
export interface TieShape {
  tieDetail: boolean;
  partnerDetail: boolean;
  /** The tie's initiative is selected (the collaboration index does not hold it: src/loaders/indexReads.ts). */
  initiative: boolean;
}

/**
 * Shapes by the field nodes they were computed for. graphql-js hands every item
 * of a list the same `fieldNodes` array (its collected subfields are memoised per
 * execution), so the `collaborations` field of 50 listed actors walks its
 * selection once, not 50 times. Within one document the shape depends only on
 * the nodes and the document's fragments, never on variables.
 */
const shapesByNodes = new WeakMap<readonly FieldNode[], TieShape>();

/** The shape of the ties page selected by the resolving `collaborations` field. */
export function tieShapeOf(info: GraphQLResolveInfo, nodes: readonly FieldNode[] = info.fieldNodes): TieShape {
  const known = shapesByNodes.get(nodes);
  if (known) return known;
  const shape = shapeOfNodes(info, nodes);
  shapesByNodes.set(nodes, shape);
  return shape;
}

function shapeOfNodes(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): TieShape {
  const edges = nodes.flatMap((node) => fieldsNamed(info, node.selectionSet, 'edges'));
  const tieNames = namesBelow(info, edges.flatMap((edge) => fieldsNamed(info, edge.selectionSet, 'node')));
  const partnerNames = namesBelow(info, edges.flatMap((edge) => fieldsNamed(info, edge.selectionSet, 'partner')));
  return { tieDetail: anyOf(tieNames, TIE_DETAIL_FIELDS), partnerDetail: anyOf(partnerNames, ACTOR_DETAIL_FIELDS), initiative: tieNames.has('initiative') };
}

/** The argument values of the Actor field `name` at each of `paths`, when they all agree; null when none or several differ. */
function sameArguments(info: GraphQLResolveInfo, name: string, paths: readonly string[][]): { args: Record<string, unknown>; fields: FieldNode[] } | null {
  const fields = paths.flatMap((path) => fieldsAt(info, [...path, name]));
  if (fields.length === 0) return null;
  const definition = info.schema.getType('Actor');
  const field = isInterfaceType(definition) ? definition.getFields()[name] : undefined;
  if (!field) return null;
  const all = fields.map((node) => getArgumentValues(field, node, info.variableValues));
  const key = JSON.stringify(all[0]);
  if (all.some((args) => JSON.stringify(args) !== key)) return null;
  return { args: all[0], fields };
}

/** Where a list's actors are in its selection. */
const LIST_NODES = [['nodes'], ['edges', 'node']];

/**
 * The `collaborations` fields selected on the actors at `paths` (by default each
 * actor of a list, under `nodes` and `edges.node`), with their argument values,
 * when they all ask for the same page: that page can then be fetched for every
 * actor at once, ahead of the field. Null when none is selected or several ask
 * for different pages (the loaders handle those).
 */
export function selectedTies(info: GraphQLResolveInfo, paths: readonly string[][] = LIST_NODES): { args: Record<string, unknown>; shape: TieShape } | null {
  const selected = sameArguments(info, 'collaborations', paths);
  return selected && { args: selected.args, shape: tieShapeOf(info, selected.fields) };
}

/** The `asOf` of the `areas` field selected directly on the resolving actor, when it is selected (once, or alike). */
export function selectedAreasAsOf(info: GraphQLResolveInfo): { asOf: string | null } | null {
  const selected = sameArguments(info, 'areas', [[]]);
  return selected && { asOf: (selected.args.asOf as string | undefined) ?? null };
}
