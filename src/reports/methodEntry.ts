import type { MethodView } from '../analytics/suppression/methodView';
import type { ReportMethod } from './reportModel';

/** The appendix entry of one analytics result's method block, as the caller got it. */
export function methodEntry(key: string, field: string, method: MethodView): ReportMethod {
  return {
    key,
    field,
    asOf: method.asOf,
    algorithm: method.algorithm,
    engine: method.engine,
    normalisation: method.normalisation ?? null,
    counting: method.counting,
    nodeCount: method.nodeCount,
    tieCount: method.tieCount,
    gdsVersion: method.gdsVersion,
    computedAt: method.computedAt,
    suppressionApplied: method.suppression.applied,
    sampling: method.sampling ?? null,
  };
}
