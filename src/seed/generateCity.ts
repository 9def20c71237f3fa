/**
 * A deterministic synthetic city: the same `{ actors, seed }` always gives the same
 * rows, on any machine. Per-actor facts are drawn from a hash of (seed, actor index),
 * so nothing but three compact typed arrays (kind, dates, cumulative weight) is held;
 * the rows themselves are produced lazily, neighbourhood by neighbourhood, each time a
 * collection is iterated. Bump `generatorVersion` whenever the output changes.
 * The parts live in ./generator/: the areas, the actors, the initiatives, the ties,
 * and the tables, calendar and randomness they draw on.
 */
import { ActorPopulation } from './generator/actorPopulation';
import { AreaLayout } from './generator/areaLayout';
import { CollaborationPlan } from './generator/collaborationPlan';
import { InitiativePlan } from './generator/initiativePlan';
import { citySeed } from './generator/random';
import { generatorVersion } from './generator/vocabulary';
import type { Dataset, DatasetPhase } from './types';

export { generatorVersion, SECTOR_MIX, MEAN_DEGREE, LOCAL_SHARE } from './generator/vocabulary';

export const MAX_GENERATED_ACTORS = 9_999_999;

export interface GenerateCityOptions {
  actors: number;
  seed: number;
}

export interface CityLayout {
  districts: number;
  neighbourhoods: number;
  initiatives: number;
  /** Ties planned inside neighbourhoods and across them. */
  localTies: number;
  crossTies: number;
}

export interface GeneratedCity extends Dataset {
  counts: Record<DatasetPhase, number>;
  layout: CityLayout;
}

const reiterable = <T>(make: () => Generator<T>): Iterable<T> => ({ [Symbol.iterator]: make });

/** Generates the city. Throws a RangeError for a bad actor count or seed. */
export function generateCity({ actors, seed }: GenerateCityOptions): GeneratedCity {
  if (!Number.isInteger(actors) || actors < 1 || actors > MAX_GENERATED_ACTORS) {
    throw new RangeError(`actors must be a whole number from 1 to ${MAX_GENERATED_ACTORS}, got ${actors}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  const mixed = citySeed(seed);
  const layout = new AreaLayout(actors, mixed, seed);
  const population = new ActorPopulation(layout, mixed, seed);
  const initiatives = new InitiativePlan(layout, population, mixed);
  const ties = new CollaborationPlan(layout, population, initiatives, mixed);
  const dataset: GeneratedCity = {
    name: `generated city (actors ${actors}, seed ${seed}, generator ${generatorVersion})`,
    areas: reiterable(() => layout.areas()),
    actors: reiterable(() => population.actors()),
    memberships: reiterable(() => population.memberships()),
    initiatives: reiterable(() => initiatives.initiatives()),
    participations: reiterable(() => initiatives.participations()),
    collaborations: reiterable(() => ties.collaborations()),
    counts: {
      areas: 1 + layout.districts + layout.neighbourhoods,
      actors,
      memberships: 0,
      initiatives: initiatives.count,
      participations: 0,
      collaborations: ties.localTies + ties.crossTies,
    },
    layout: {
      districts: layout.districts,
      neighbourhoods: layout.neighbourhoods,
      initiatives: initiatives.count,
      localTies: ties.localTies,
      crossTies: ties.crossTies,
    },
  };
  // Cheap passes: one row per actor or per participant, nothing kept.
  for (const _ of population.memberships()) dataset.counts.memberships += 1;
  for (const _ of initiatives.participations()) dataset.counts.participations += 1;
  return dataset;
}
