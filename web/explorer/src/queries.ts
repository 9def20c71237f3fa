/** The GraphQL documents the page sends (schema/*.graphql). */

export const AREAS = `query ExplorerAreas { areas { id name level parent { id } } }`;

/** The years with any actor in the scope, to set the slider's span. */
export const SPAN = `query ExplorerSpan($scope: AnalyticsScope, $from: Period!, $to: Period!) {
  timeline(scope: $scope, interval: YEAR, from: $from, to: $to) { points { period actors ties } }
}`;

/** Betweenness on one date, only when nodes are sized by it: an analysis per date. */
export const BETWEENNESS = `query ExplorerBetweenness($scope: AnalyticsScope) {
  network(scope: $scope, layout: NONE, include: [BETWEENNESS]) { nodes { id betweenness } }
}`;

export const ANALYTICS = `query ExplorerAnalytics($scope: AnalyticsScope) {
  eiIndex(scope: $scope) { overall { value external internal suppressed } expected expectedSuppressed }
  helixCoverage(scope: $scope) {
    areas { area { id name } coverage sectorsPresent missingPairs { sectorA sectorB } suppressed }
  }
}`;

export const ACTOR = `query ExplorerActor($id: ID!, $asOf: LocalDate) {
  actor(id: $id) {
    id name kind sector
    areas(asOf: $asOf) { area { id name } since until }
    initiatives(asOf: $asOf) { role initiative { id name } }
  }
}`;

/** Asked for apart from ACTOR: these are analyses, slower than a lookup. */
export const ACTOR_ANALYTICS = `query ExplorerActorAnalytics($id: ID!, $scope: AnalyticsScope) {
  partnerSuggestions(actorId: $id, first: 5, scope: $scope) {
    suggestions { actor { id name sector } score reasons }
  }
  brokers(scope: $scope, first: 100) {
    brokers { actor { id } rank brokerage { coordinator itinerant gatekeeperRepresentative liaison total } }
  }
}`;
