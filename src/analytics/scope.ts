import { BadUserInputError } from '../errors';
import type { CollaborationKind, Sector } from '../model';
import { intInRange, today } from '../validation/inputs';

/** The GraphQL `AnalyticsScope` input as it arrives. */
export interface AnalyticsScopeInput {
  areaId?: string | null;
  asOf?: string | null;
  kinds?: CollaborationKind[] | null;
  sectors?: Sector[] | null;
  minStrength?: number | null;
  membership?: 'WITHIN' | 'TOUCHING' | null;
}

/** A checked scope with every default filled in: also the cache key's core. */
export interface Scope {
  areaId: string | null;
  asOf: string;
  kinds: CollaborationKind[] | null;
  sectors: Sector[] | null;
  minStrength: number;
  membership: 'WITHIN' | 'TOUCHING';
}

const sortedUnique = <T extends string>(values: T[] | null | undefined): T[] | null =>
  values && values.length > 0 ? [...new Set(values)].sort() : null;

export function parseScope(input: AnalyticsScopeInput | null | undefined, now: Date, field = 'scope'): Scope {
  const asOf = input?.asOf ?? today(now);
  if (input?.membership === 'TOUCHING' && !input.areaId) {
    throw new BadUserInputError(`${field}.membership TOUCHING needs ${field}.areaId: it says which ties touch an area.`, `${field}.membership`);
  }
  return {
    areaId: input?.areaId ?? null,
    asOf,
    kinds: sortedUnique(input?.kinds),
    sectors: sortedUnique(input?.sectors),
    minStrength: intInRange(input?.minStrength, `${field}.minStrength`, 1, 5) ?? 1,
    membership: input?.membership ?? 'WITHIN',
  };
}

/** Parameters of the scope statements in cypher/queries/analytics/. */
export function scopeParams(scope: Scope): Record<string, unknown> {
  return {
    areaId: scope.areaId,
    asOf: scope.asOf,
    kinds: scope.kinds,
    sectors: scope.sectors,
    minStrength: scope.minStrength,
    touching: scope.membership === 'TOUCHING',
  };
}
