/** The analytics fields the benchmark times, their GraphQL documents and their NetworkX counterparts and targets. */

/** Actors picked from a scope's network for the fields that need one or two. */
export interface Picks {
  /** A well-connected actor outside the citizen sector: partner suggestions, and the start of the path. */
  actor: string | null;
  /** An actor 2 to 4 ties from `actor`, as far as possible: the end of the path. */
  pathEnd: string | null;
}

export interface FieldSpec {
  /** Unique in the report, e.g. `communities (LEIDEN)`. */
  key: string;
  /** The GraphQL field, for --fields. */
  field: string;
  /** The measure of bench/networkx_measures.py. */
  measure: string;
  document: string;
  /** The operation's variables besides the scope; null when the scope offers no suitable actor. */
  variables: (picks: Picks) => Record<string, unknown> | null;
  /** Few NetworkX runs (--nx-heavy-runs): it takes long. */
  heavy?: boolean;
  /** The export also holds the areas with their actors (analytics/areaMembers). */
  areas?: boolean;
  /** The target for networkx ÷ samverkan. */
  target?: number;
  /** The target for NetworkX's compute alone (on a graph already built in memory) ÷ samverkan. */
  computeTarget?: number;
  /**
   * Answered from the collaboration index when it holds the graph version, else
   * by Cypher aggregation: timed with both engines, the Cypher row marked so.
   */
  countBased?: boolean;
}

const METHOD = 'method { algorithm engine nodeCount tieCount asOf areaId gdsVersion computedAt cached }';
const ACTOR = '{ id name }';
const SCOPE_VAR = '$scope: AnalyticsScope';
const none = (): Record<string, unknown> => ({});

export const FIELDS: FieldSpec[] = [
  {
    key: 'crossSectorTies',
    field: 'crossSectorTies',
    measure: 'crossSectorTies',
    document: `query (${SCOPE_VAR}) { r: crossSectorTies(scope: $scope, first: 100) { totalCount edges { cursor node { source ${ACTOR} target ${ACTOR} sourceSector targetSector strength kinds } } pageInfo { hasNextPage endCursor } ${METHOD} } }`,
    variables: none,
  },
  {
    key: 'sectorMatrix',
    field: 'sectorMatrix',
    measure: 'sectorMatrix',
    document: `query (${SCOPE_VAR}) { r: sectorMatrix(scope: $scope) { sectors { sector actors } cells { sectorA sectorB ties possiblePairs density } totalTies ${METHOD} } }`,
    variables: none,
    target: 10,
    computeTarget: 10,
    countBased: true,
  },
  {
    key: 'eiIndex',
    field: 'eiIndex',
    measure: 'eiIndex',
    document: `query (${SCOPE_VAR}) { r: eiIndex(scope: $scope) { overall { external internal value reason } bySector { sector index { external internal value reason } } expected expectedReason ${METHOD} } }`,
    variables: none,
    target: 10,
    computeTarget: 10,
    countBased: true,
  },
  {
    key: 'assortativity',
    field: 'assortativity',
    measure: 'assortativity',
    document: `query (${SCOPE_VAR}) { r: assortativity(scope: $scope) { coefficient reason ${METHOD} } }`,
    variables: none,
    target: 10,
    computeTarget: 10,
    countBased: true,
  },
  {
    key: 'diversity',
    field: 'diversity',
    measure: 'diversity',
    document: `query (${SCOPE_VAR}) { r: diversity(scope: $scope) { actors(first: 20) { actor ${ACTOR} partners { value normalised count } } areas { area { id name } actors { value normalised count } } ${METHOD} } }`,
    variables: none,
    areas: true,
    target: 10,
    computeTarget: 10,
    countBased: true,
  },
  {
    key: 'brokers',
    field: 'brokers',
    measure: 'brokers',
    document: `query (${SCOPE_VAR}) { r: brokers(scope: $scope, first: 20) { brokers { actor ${ACTOR} rank betweenness normalisedBetweenness brokerage { coordinator itinerant gatekeeperRepresentative liaison total } constraint effectiveSize degree } ${METHOD} } }`,
    variables: none,
    heavy: true,
    target: 1,
    computeTarget: 2,
  },
  {
    key: 'structuralRisks',
    field: 'structuralRisks',
    measure: 'structuralRisks',
    document: `query (${SCOPE_VAR}) { r: structuralRisks(scope: $scope) { bridges { source ${ACTOR} target ${ACTOR} sectorsOnSourceSide sectorsOnTargetSide separatedSectors } articulationPoints { actor ${ACTOR} componentsAfterRemoval sectorsPerPart separatedSectors } ${METHOD} } }`,
    variables: none,
  },
  {
    key: 'communities (LOUVAIN)',
    field: 'communities',
    measure: 'communities',
    document: `query (${SCOPE_VAR}) { r: communities(scope: $scope, algorithm: LOUVAIN, seed: 42) { communities { id size memberIds sectors { sector actors share } crossSectorShare } modularity ${METHOD} } }`,
    variables: none,
    heavy: true,
    target: 1,
    computeTarget: 2,
  },
  {
    key: 'communities (LEIDEN)',
    field: 'communities',
    measure: 'communitiesLeiden',
    document: `query (${SCOPE_VAR}) { r: communities(scope: $scope, algorithm: LEIDEN, seed: 42) { communities { id size memberIds sectors { sector actors share } crossSectorShare } modularity ${METHOD} } }`,
    variables: none,
    heavy: true,
    target: 1,
  },
  {
    key: 'helixCoverage',
    field: 'helixCoverage',
    measure: 'helixCoverage',
    document: `query (${SCOPE_VAR}) { r: helixCoverage(scope: $scope) { areas { area { id name } sectorsPresent connectedPairs { sectorA sectorB } missingPairs { sectorA sectorB } coverage rank } ${METHOD} } }`,
    variables: none,
    areas: true,
  },
  {
    key: 'connectionPaths',
    field: 'connectionPaths',
    measure: 'connectionPaths',
    document: `query (${SCOPE_VAR}, $from: ID!, $to: ID!) { r: connectionPaths(scope: $scope, from: $from, to: $to, maxHops: 4) { paths { hops { actor ${ACTOR} sector } length sectorCrossings } ${METHOD} } }`,
    variables: (picks) => (picks.actor && picks.pathEnd ? { from: picks.actor, to: picks.pathEnd } : null),
  },
  {
    key: 'partnerSuggestions',
    field: 'partnerSuggestions',
    measure: 'partnerSuggestions',
    document: `query (${SCOPE_VAR}, $actorId: ID!) { r: partnerSuggestions(scope: $scope, actorId: $actorId, first: 10) { suggestions { actor ${ACTOR} score adamicAdar sharedPartners sharedAreas sharedInitiatives sharedSdgs reasons } ${METHOD} } }`,
    variables: (picks) => (picks.actor ? { actorId: picks.actor } : null),
  },
];

