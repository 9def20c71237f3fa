import type { AnalysisMethod } from '../analyticsService';
import { scopeWithholding, type ScopeWithholding, type WithCitizenBasis } from './citizenBasis';
import type { ResponseSuppression, SuppressionBlock, Suppressor } from './suppressor';

/** The method block as one caller sees it. */
export interface MethodView extends Omit<AnalysisMethod, 'nodeCount' | 'tieCount'> {
  nodeCount: number | null;
  nodeCountSuppressed: boolean;
  tieCount: number | null;
  tieCountSuppressed: boolean;
  suppression: SuppressionBlock;
}

/**
 * The method block for the caller: nodeCount minus the sector counts shown would
 * give the citizens back, and tieCount minus the cells shown a withheld cell, so
 * they go with them. Call it last: its `suppression` says whether anything in
 * the response was withheld.
 */
export function methodView(record: ResponseSuppression, method: AnalysisMethod, withholding: ScopeWithholding): MethodView {
  return {
    ...method,
    nodeCount: record.keep(method.nodeCount, withholding.citizens),
    nodeCountSuppressed: withholding.citizens,
    tieCount: record.keep(method.tieCount, withholding.ties),
    tieCountSuppressed: withholding.ties,
    suppression: record.block(),
  };
}

/** An analysed result as the analytics service returns it, with the basis the compute step attached. */
export type Analysed<T> = T & WithCitizenBasis & { method: AnalysisMethod };

/** The result without its basis (never sent) and with the caller's method block. */
export type Viewed<T> = Omit<T, 'citizenBasis' | 'method'> & { method: MethodView };

/** For fields whose only citizen figures are the network's size: the method block alone is shaped. */
export function methodOnlyView<T extends object>(suppressor: Suppressor, analysed: Analysed<T>): Viewed<T> {
  const { citizenBasis, method, ...rest } = analysed;
  const record = suppressor.response();
  return { ...rest, method: methodView(record, method, scopeWithholding(record, citizenBasis)) };
}

/**
 * Cross-sector ties: the list's totalCount is a total over the CITIZEN–sector
 * cells, so it is withheld when any of them is (minus the cells the sector
 * matrix shows, it would give the withheld one back).
 */
export function crossSectorTiesView<T extends object>(suppressor: Suppressor, analysed: Analysed<T>): Viewed<T> & { totalCountSuppressed: boolean } {
  const { citizenBasis, method, ...rest } = analysed;
  const record = suppressor.response();
  const withholding = scopeWithholding(record, citizenBasis);
  return { ...rest, totalCountSuppressed: withholding.crossTies, method: methodView(record, method, withholding) };
}
