/**
 * The network over time: a service for other rooms (the quarterly report) and
 * the GraphQL resolvers. Every function takes the shared AnalyticsService and a
 * parsed Scope (src/analytics/scope.ts, `parseScope`); results are cached per
 * scope, arguments and graph version, unsuppressed; shape them for a caller with
 * the views and the caller's Suppressor (src/analytics/suppression/suppressor.ts).
 */
export { timelineOf, type AnalysedTimeline, type TimelineResult } from './timelineService';
export { changesBetween, networkDifference, type AnalysedChanges, type ChangesResult, type TieChangeRow, type SectorPairChangeRow } from './changes';
export { timelineView, type TimelinePointView } from './timelineView';
export { changesView, type ChangesView } from './changesView';
export { parsePeriod, parseRange, periodsBetween, type Period, type PeriodKind } from './period';
export type { TimelinePointFigures, ScopeCoverage } from './timelineFigures';
export { timelineResolvers } from './timelineResolvers';
