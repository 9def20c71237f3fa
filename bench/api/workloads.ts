/**
 * The four workloads of `npm run bench:api`, as each contender asks them, and
 * each answer normalised to one shape so that the run can check that all
 * contenders return the same data before it times anything.
 */
import type { Post } from './httpClient';

export type ContenderName = 'samverkan' | 'samverkanArea' | 'neo4jGraphql' | 'raw';

export interface WorkloadParams {
  areaId: string;
  actorId: string;
  pages: number;
}

/** One operation of a workload against one contender: resolves to the normalised answer. */
export type Operation = (post: Post, url: string, params: WorkloadParams) => Promise<unknown>;

export interface Workload {
  name: string;
  label: string;
  operations: Partial<Record<ContenderName, Operation>>;
}

interface Summary {
  id: string;
  name: string | null;
  kind?: string;
  sector: string;
}
interface Tie {
  id: string;
  kind: string;
  since: string;
  until: string | null;
  strength: number;
  partner: Summary;
}

const summary = (actor: Summary) => ({ id: actor.id, name: actor.name ?? `Citizen ${actor.id}`, ...(actor.kind ? { kind: actor.kind } : {}), sector: actor.sector });
const tie = (t: Tie) => ({ id: t.id, kind: t.kind, since: t.since, until: t.until ?? null, strength: t.strength, partner: summary(t.partner) });
const withTies = (actor: Summary & { ties: Tie[] }) => ({ ...summary(actor), ties: actor.ties.map(tie) });

async function graphql<T>(post: Post, url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const body = (await post(url, { query, variables })) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors from ${url}: ${JSON.stringify(body.errors).slice(0, 400)}`);
  return body.data;
}

async function raw<T>(post: Post, url: string, statement: string, params: Record<string, unknown>): Promise<T[]> {
  const body = (await post(url, { statement, params })) as { rows?: T[]; error?: string };
  if (!body.rows) throw new Error(`raw endpoint: ${body.error}`);
  return body.rows;
}

// Samverkan: the same selection under `actors(filter: {areaId})` and under `area { actors }`.
const SV_TIES = 'collaborations(first: 10) { edges { node { id kind since until strength } partner { id name sector } } }';
const SV_PAGE = `query($areaId: ID!) { actors(first: 50, filter: { areaId: $areaId }) { nodes { id name kind sector ${SV_TIES} } } }`;
const SV_AREA_PAGE = `query($areaId: ID!) { area(id: $areaId) { actors(first: 50) { nodes { id name kind sector ${SV_TIES} } } } }`;
const SV_DETAIL = `query($id: ID!) { actor(id: $id) { id name kind sector description website
  collaborations(first: 100) { edges { node { id kind since until strength } partner { id name sector } } }
  areas { since until area { id name level } } } }`;
const SV_LIST = `query($areaId: ID!, $after: String) { actors(first: 50, after: $after, filter: { areaId: $areaId }) { nodes { id name kind sector } pageInfo { endCursor hasNextPage } } }`;
const SV_AREA_LIST = `query($areaId: ID!, $after: String) { area(id: $areaId) { actors(first: 50, after: $after) { nodes { id name kind sector } pageInfo { endCursor hasNextPage } } } }`;
const SV_COUNT = `query($areaId: ID!) { actors(first: 0, filter: { areaId: $areaId }) { totalCount } }`;
const SV_AREA_COUNT = `query($areaId: ID!) { area(id: $areaId) { actors(first: 0) { totalCount } } }`;

type SvActor = Summary & { collaborations: { edges: Array<{ node: Omit<Tie, 'partner'>; partner: Summary }> } };
const svWithTies = (actor: SvActor) => withTies({ ...actor, ties: actor.collaborations.edges.map((edge) => ({ ...edge.node, partner: edge.partner })) });
type SvPage = { nodes: Summary[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };

async function walk(pages: number, next: (after: string | null) => Promise<{ items: Summary[]; after: string | null }>): Promise<unknown[]> {
  const seen: unknown[] = [];
  let after: string | null = null;
  for (let page = 0; page < pages; page++) {
    const result = await next(after);
    seen.push(...result.items.map(summary));
    after = result.after;
    if (after === null) break;
  }
  return seen;
}

// @neo4j/graphql: "active in the district or in one of its neighbourhoods" as its filter language says it.
const NG_IN_AREA = '{ areas: { some: { OR: [{ id: { eq: $areaId } }, { parent: { id: { eq: $areaId } } }] } } }';
const NG_TIES = (first: string) =>
  `collaborationsConnection(${first}sort: [{ edge: { id: ASC } }]) { edges { properties { id kind since until strength } node { id name sector } } }`;
const NG_PAGE = `query($areaId: ID!) { actors(where: ${NG_IN_AREA}, sort: [{ id: ASC }], limit: 50) { id name kind sector ${NG_TIES('first: 10, ')} } }`;
const NG_DETAIL = `query($id: ID!) { actors(where: { id: { eq: $id } }) { id name kind sector description website ${NG_TIES('')}
  areasConnection { edges { properties { since until } node { id name level } } } } }`;
const NG_LIST = `query($areaId: ID!, $after: String) { actorsConnection(first: 50, after: $after, where: ${NG_IN_AREA}, sort: [{ id: ASC }]) {
  edges { node { id name kind sector } } pageInfo { endCursor hasNextPage } } }`;
const NG_COUNT = `query($areaId: ID!) { actorsConnection(where: ${NG_IN_AREA}) { totalCount } }`;

type NgTies = { collaborationsConnection: { edges: Array<{ properties: Omit<Tie, 'partner'>; node: Summary }> } };
const ngWithTies = (actor: Summary & NgTies) => withTies({ ...actor, ties: actor.collaborationsConnection.edges.map((edge) => ({ ...edge.properties, partner: edge.node })) });

type Membership = { since: string; until: string | null; area: { id: string; name: string; level: string } };
const memberships = (list: Membership[]) =>
  list.map((m) => ({ since: m.since, until: m.until ?? null, area: m.area })).sort((a, b) => (a.area.id + a.since).localeCompare(b.area.id + b.since));
const detail = (actor: Summary & { description: string | null; website: string | null; ties: Tie[]; areas: Membership[] }) => ({
  ...withTies(actor),
  description: actor.description ?? null,
  website: actor.website ?? null,
  areas: memberships(actor.areas),
});

export const WORKLOADS: Workload[] = [
  {
    name: 'areaPage',
    label: 'area page: 50 actors of a district, 10 ties each with partners',
    operations: {
      samverkan: async (post, url, p) => (await graphql<{ actors: { nodes: SvActor[] } }>(post, url, SV_PAGE, { areaId: p.areaId })).actors.nodes.map(svWithTies),
      samverkanArea: async (post, url, p) => (await graphql<{ area: { actors: { nodes: SvActor[] } } }>(post, url, SV_AREA_PAGE, { areaId: p.areaId })).area.actors.nodes.map(svWithTies),
      neo4jGraphql: async (post, url, p) => (await graphql<{ actors: Array<Summary & NgTies> }>(post, url, NG_PAGE, { areaId: p.areaId })).actors.map(ngWithTies),
      raw: async (post, url, p) => (await raw<Summary & { ties: Tie[] }>(post, url, 'areaPage', { areaId: p.areaId })).map(withTies),
    },
  },
  {
    name: 'actorDetail',
    label: 'actor detail: one actor, all ties with partners, areas',
    operations: {
      samverkan: async (post, url, p) => {
        const { actor } = await graphql<{ actor: SvActor & { description: string | null; website: string | null; areas: Membership[] } }>(post, url, SV_DETAIL, { id: p.actorId });
        return detail({ ...actor, ties: actor.collaborations.edges.map((edge) => ({ ...edge.node, partner: edge.partner })) });
      },
      neo4jGraphql: async (post, url, p) => {
        type NgDetail = Summary & NgTies & { description: string | null; website: string | null; areasConnection: { edges: Array<{ properties: { since: string; until: string | null }; node: Membership['area'] }> } };
        const [actor] = (await graphql<{ actors: NgDetail[] }>(post, url, NG_DETAIL, { id: p.actorId })).actors;
        const areas = actor.areasConnection.edges.map((edge) => ({ ...edge.properties, area: edge.node }));
        return detail({ ...actor, ties: actor.collaborationsConnection.edges.map((edge) => ({ ...edge.properties, partner: edge.node })), areas });
      },
      raw: async (post, url, p) => detail((await raw<Summary & { description: string | null; website: string | null; ties: Tie[]; areas: Membership[] }>(post, url, 'actorDetail', { id: p.actorId }))[0]),
    },
  },
  {
    name: 'paging',
    label: 'paging: 20 pages of 50 through a district',
    operations: {
      samverkan: (post, url, p) =>
        walk(p.pages, async (after) => {
          const { actors } = await graphql<{ actors: SvPage }>(post, url, SV_LIST, { areaId: p.areaId, after });
          return { items: actors.nodes, after: actors.pageInfo.hasNextPage ? actors.pageInfo.endCursor : null };
        }),
      samverkanArea: (post, url, p) =>
        walk(p.pages, async (after) => {
          const { actors } = (await graphql<{ area: { actors: SvPage } }>(post, url, SV_AREA_LIST, { areaId: p.areaId, after })).area;
          return { items: actors.nodes, after: actors.pageInfo.hasNextPage ? actors.pageInfo.endCursor : null };
        }),
      neo4jGraphql: (post, url, p) =>
        walk(p.pages, async (after) => {
          type NgPage = { edges: Array<{ node: Summary }>; pageInfo: SvPage['pageInfo'] };
          const page = (await graphql<{ actorsConnection: NgPage }>(post, url, NG_LIST, { areaId: p.areaId, after })).actorsConnection;
          return { items: page.edges.map((edge) => edge.node), after: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
        }),
      raw: (post, url, p) =>
        walk(p.pages, async (after) => {
          const rows = await raw<Summary>(post, url, 'areaActorsPage', { areaId: p.areaId, after });
          return { items: rows, after: rows.length === 50 ? rows[rows.length - 1].id : null };
        }),
    },
  },
  {
    name: 'count',
    label: "totalCount of a district's actors",
    operations: {
      samverkan: async (post, url, p) => (await graphql<{ actors: { totalCount: number } }>(post, url, SV_COUNT, { areaId: p.areaId })).actors.totalCount,
      samverkanArea: async (post, url, p) => (await graphql<{ area: { actors: { totalCount: number } } }>(post, url, SV_AREA_COUNT, { areaId: p.areaId })).area.actors.totalCount,
      neo4jGraphql: async (post, url, p) => (await graphql<{ actorsConnection: { totalCount: number } }>(post, url, NG_COUNT, { areaId: p.areaId })).actorsConnection.totalCount,
      raw: async (post, url, p) => (await raw<{ total: number }>(post, url, 'areaActorCount', { areaId: p.areaId }))[0].total,
    },
  },
];
