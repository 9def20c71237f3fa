import type {
  ActorKind,
  ActorRow,
  AreaRow,
  CollaborationKind,
  CollaborationRow,
  DatasetPhase,
  Dataset,
  InitiativeKind,
  InitiativeRow,
  MembershipRow,
  ParticipationRole,
  ParticipationRow,
  Sector,
} from './types';
import { ACTOR_KINDS, SECTOR_OF_KIND } from './types';

/**
 * A deterministic synthetic city: the same `{ actors, seed }` always gives the same
 * rows, on any machine. Per-actor facts are drawn from a hash of (seed, actor index),
 * so nothing but three compact typed arrays (kind, dates, cumulative weight) is held;
 * the rows themselves are produced lazily, neighbourhood by neighbourhood, each time a
 * collection is iterated. Bump `generatorVersion` whenever the output changes.
 */
export const generatorVersion = '1.0.0';

export const MAX_GENERATED_ACTORS = 9_999_999;

/** Share of each kind among generated actors. */
export const SECTOR_MIX: Readonly<Record<ActorKind, number>> = {
  CITIZEN: 0.7,
  ASSOCIATION: 0.15,
  COMPANY: 0.08,
  CITY_DEPARTMENT: 0.05,
  ACADEMIC_INSTITUTION: 0.02,
};

/** Average number of ties per actor; each tie counts for both ends. */
export const MEAN_DEGREE = 8;
/** Share of ties whose two ends share a home neighbourhood. */
export const LOCAL_SHARE = 0.85;
const ACTORS_PER_NEIGHBOURHOOD = 2500;
const ACTORS_PER_DISTRICT = 20000;
/** Pareto exponent of the activity weight: lower means a heavier tail. */
const PARETO_ALPHA = 2;
const MAX_WEIGHT = 200;

const KIND_CODE: readonly ActorKind[] = ACTOR_KINDS;
const [CITIZEN, ASSOCIATION, COMPANY, CITY_DEPARTMENT, ACADEMIC] = [0, 1, 2, 3, 4];
/** How much more (or less) an actor of each kind collaborates than a citizen: a multiplier on its weight. */
const KIND_WEIGHT = [0.5, 1.5, 1.2, 3, 3];
/** Relative chance that an actor of each kind reaches outside its neighbourhood. */
const CROSS_AFFINITY = [0.3, 1, 1.5, 4, 5];
const MAX_CROSS_AFFINITY = 5;

const DAY0 = Date.UTC(2010, 0, 1);
const DAY_MS = 86_400_000;
const LAST_SINCE = dayOf('2025-12-31');
const LAST_DAY = dayOf('2026-12-31');
const DATES: string[] = Array.from({ length: LAST_DAY + 1 }, (_, day) => new Date(DAY0 + day * DAY_MS).toISOString().slice(0, 10));

function dayOf(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - DAY0) / DAY_MS);
}

// --- seeded randomness --------------------------------------------------------------

function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A 32-bit hash of the seed, a stream tag and up to two indices: the seed of one small random stream. */
function hash(seed: number, stream: number, a: number, b = 0): number {
  return mix32(mix32(mix32(seed ^ Math.imul(stream, 0x9e3779b9)) ^ a) + Math.imul(b, 0x85ebca77));
}

/** mulberry32: tiny, fast, and good enough for test data. */
class Rng {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index into cumulative weights, e.g. [0.5, 0.8, 1]. */
  weighted(cumulative: readonly number[]): number {
    const r = this.next() * cumulative[cumulative.length - 1];
    let index = 0;
    while (cumulative[index] <= r) index += 1;
    return index;
  }
}

const STREAM = { layout: 1, actor: 2, membership: 3, local: 4, cross: 5, initiative: 6, participation: 7, name: 8 } as const;

// --- tables ---------------------------------------------------------------------------

const cumulate = (weights: number[]): number[] => weights.map((_, i) => weights.slice(0, i + 1).reduce((a, b) => a + b, 0));
const KIND_CUMULATIVE = cumulate(KIND_CODE.map((kind) => SECTOR_MIX[kind]));

/** Tie kinds and their weights for each unordered pair of sectors (by kind code, smaller first). */
const TIE_KINDS: Record<string, Array<[CollaborationKind, number]>> = {
  '0-0': [['CO_CREATION', 45], ['KNOWLEDGE_EXCHANGE', 35], ['PARTNERSHIP', 20]],
  '0-1': [['CO_CREATION', 40], ['KNOWLEDGE_EXCHANGE', 25], ['PARTNERSHIP', 20], ['SERVICE', 15]],
  '0-2': [['SERVICE', 60], ['CO_CREATION', 25], ['KNOWLEDGE_EXCHANGE', 15]],
  '0-3': [['SERVICE', 50], ['CO_CREATION', 30], ['KNOWLEDGE_EXCHANGE', 20]],
  '0-4': [['KNOWLEDGE_EXCHANGE', 60], ['CO_CREATION', 40]],
  '1-1': [['PARTNERSHIP', 50], ['KNOWLEDGE_EXCHANGE', 30], ['CO_CREATION', 20]],
  '1-2': [['PARTNERSHIP', 40], ['SERVICE', 25], ['FUNDING', 20], ['CO_CREATION', 15]],
  '1-3': [['FUNDING', 40], ['PARTNERSHIP', 30], ['SERVICE', 15], ['CO_CREATION', 15]],
  '1-4': [['KNOWLEDGE_EXCHANGE', 60], ['PARTNERSHIP', 20], ['CO_CREATION', 20]],
  '2-2': [['PARTNERSHIP', 50], ['SERVICE', 40], ['KNOWLEDGE_EXCHANGE', 10]],
  '2-3': [['SERVICE', 50], ['PARTNERSHIP', 30], ['FUNDING', 20]],
  '2-4': [['KNOWLEDGE_EXCHANGE', 50], ['PARTNERSHIP', 30], ['FUNDING', 20]],
  '3-3': [['PARTNERSHIP', 50], ['KNOWLEDGE_EXCHANGE', 30], ['FUNDING', 20]],
  '3-4': [['KNOWLEDGE_EXCHANGE', 50], ['PARTNERSHIP', 30], ['FUNDING', 20]],
  '4-4': [['KNOWLEDGE_EXCHANGE', 60], ['PARTNERSHIP', 40]],
};
/** Indexed by `smaller kind code * 5 + larger kind code`. */
const TIE_TABLE = Array.from({ length: 25 }, (_, index) => {
  const list = TIE_KINDS[`${Math.min(Math.floor(index / 5), index % 5)}-${Math.max(Math.floor(index / 5), index % 5)}`];
  return { kinds: list.map(([kind]) => kind), cumulative: cumulate(list.map(([, weight]) => weight)) };
});
const STRENGTH_CUMULATIVE = cumulate([15, 25, 30, 20, 10]);

const INITIATIVE_KIND_LIST: readonly InitiativeKind[] = ['PROJECT', 'INCUBATOR', 'IDEA', 'EVENT'];
const INITIATIVE_KIND_CUMULATIVE = cumulate([35, 15, 30, 20]);
const INITIATIVE_LABEL: Record<InitiativeKind, string> = { PROJECT: 'Projekt', INCUBATOR: 'Inkubator', IDEA: 'Idé', EVENT: 'Träff' };
const SDG_POOL = [3, 4, 5, 8, 10, 11, 13, 16, 17];

const AREA_PREFIXES = ['Ek', 'Björk', 'Lind', 'Sjö', 'Berg', 'Ros', 'Äng', 'Hög', 'Sol', 'Kvarn', 'Hamn', 'Ljung', 'Al', 'Asp', 'Gran', 'Vide', 'Hassel', 'Lönn', 'Alm', 'Fläder', 'Sand', 'Sten', 'Mosse', 'Kärr'];
const AREA_SUFFIXES = ['dal', 'gården', 'backen', 'vången', 'holm', 'lund', 'hagen', 'torp', 'ängen', 'staden', 'höjden', 'sund', 'fältet', 'parken', 'bo', 'vik'];
const DISTRICT_NAMES = ['Norr', 'Söder', 'Öster', 'Väster', 'Centrum', 'Nordost', 'Sydost', 'Sydväst', 'Nordväst'];
const ASSOCIATION_TYPES = ['Odlingsförening', 'Idrottsförening', 'Kulturförening', 'Hyresgästförening', 'Läxhjälp', 'Seniorförening', 'Ungdomsråd', 'Cykelkök', 'Föräldranätverk', 'Musikförening', 'Matlag', 'Schackklubb'];
const COMPANY_TYPES = ['Bygg', 'Catering', 'IT-konsult', 'Städ', 'Café', 'Cykelverkstad', 'Energi', 'Fastighetsservice', 'Redovisning', 'Design'];
const DEPARTMENT_TYPES = ['Fritidsförvaltningen', 'Miljöförvaltningen', 'Stadsbyggnadskontoret', 'Funktionsstödsförvaltningen', 'Kulturförvaltningen', 'Arbetsmarknadsförvaltningen', 'Grundskoleförvaltningen', 'Stadskontoret'];
const ACADEMIC_TYPES = ['Institutet för stadsforskning', 'Högskolan', 'Forskningscentrum', 'Living lab'];
const CONSENT_PURPOSE = 'Synthetic test data: a generated resident in a map of local collaboration';

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

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const actorId = (index: number) => `gen-actor-${pad(index, 7)}`;
const possessive = (name: string) => (/[sxz]$/.test(name) ? name : `${name}s`);
const reiterable = <T>(make: () => Generator<T>): Iterable<T> => ({ [Symbol.iterator]: make });

interface Initiative {
  kind: InitiativeKind;
  start: number;
  /** -1 when still running. */
  end: number;
  rng: Rng;
}

/** Generates the city. Throws a RangeError for a bad actor count or seed. */
export function generateCity({ actors, seed }: GenerateCityOptions): GeneratedCity {
  if (!Number.isInteger(actors) || actors < 1 || actors > MAX_GENERATED_ACTORS) {
    throw new RangeError(`actors must be a whole number from 1 to ${MAX_GENERATED_ACTORS}, got ${actors}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  const city = new CityModel(actors, (mix32(seed >>> 0) ^ mix32(Math.floor(seed / 4294967296) + 1)) >>> 0, seed);
  const dataset: GeneratedCity = {
    name: `generated city (actors ${actors}, seed ${seed}, generator ${generatorVersion})`,
    areas: reiterable(() => city.areas()),
    actors: reiterable(() => city.actors()),
    memberships: reiterable(() => city.memberships()),
    initiatives: reiterable(() => city.initiatives()),
    participations: reiterable(() => city.participations()),
    collaborations: reiterable(() => city.collaborations()),
    counts: { areas: 0, actors, memberships: 0, initiatives: city.initiativeStart[city.neighbourhoods], participations: 0, collaborations: 0 },
    layout: {
      districts: city.districts,
      neighbourhoods: city.neighbourhoods,
      initiatives: city.initiativeStart[city.neighbourhoods],
      localTies: city.localTarget.reduce((a, b) => a + b, 0),
      crossTies: city.crossTarget.reduce((a, b) => a + b, 0),
    },
  };
  dataset.counts.areas = 1 + city.districts + city.neighbourhoods;
  dataset.counts.collaborations = dataset.layout.localTies + dataset.layout.crossTies;
  // Cheap passes: one row per actor or per participant, nothing kept.
  for (const _ of city.memberships()) dataset.counts.memberships += 1;
  for (const _ of city.participations()) dataset.counts.participations += 1;
  return dataset;
}

class CityModel {
  readonly districts: number;
  readonly neighbourhoods: number;
  /** First actor index of each neighbourhood (length neighbourhoods + 1); neighbourhoods of a district are adjacent. */
  readonly start: Int32Array;
  readonly districtOf: Int32Array;
  /** First neighbourhood of each district (length districts + 1). */
  readonly districtStart: Int32Array;
  readonly initiativeStart: Int32Array;
  readonly localTarget: number[] = [];
  readonly crossTarget: number[] = [];
  private readonly kind: Uint8Array;
  private readonly since: Uint16Array;
  /** Day the actor left the city's networks, 0 when it has not. */
  private readonly end: Uint16Array;
  /** Cumulative activity weight, for sampling actors in proportion to it. */
  private readonly cumulative: Float64Array;
  private readonly description: Record<ActorKind, string>;

  constructor(readonly size: number, private readonly seed: number, readonly userSeed: number) {
    const rng = new Rng(hash(seed, STREAM.layout, 0));
    this.districts = Math.floor(size / ACTORS_PER_DISTRICT) + 3;
    this.neighbourhoods = Math.max(1, Math.min(size, Math.max(this.districts, Math.round(size / ACTORS_PER_NEIGHBOURHOOD))));
    // Neighbourhood sizes vary 1:5; the largest remainders take the leftover actors.
    const shares = Array.from({ length: this.neighbourhoods }, () => 1 + 4 * rng.next());
    const total = shares.reduce((a, b) => a + b, 0);
    const sizes = shares.map((share) => Math.max(1, Math.floor((share / total) * size)));
    let left = size - sizes.reduce((a, b) => a + b, 0);
    for (let k = 0; left !== 0; k = (k + 1) % sizes.length) {
      const step = left > 0 ? 1 : sizes[k] > 1 ? -1 : 0;
      sizes[k] += step;
      left -= step;
    }
    this.start = new Int32Array(this.neighbourhoods + 1);
    this.initiativeStart = new Int32Array(this.neighbourhoods + 1);
    this.districtOf = new Int32Array(this.neighbourhoods);
    this.districtStart = new Int32Array(this.districts + 1);
    for (let k = 0; k < this.neighbourhoods; k += 1) {
      this.start[k + 1] = this.start[k] + sizes[k];
      this.initiativeStart[k + 1] = this.initiativeStart[k] + 1 + Math.floor(sizes[k] / 500);
      this.districtOf[k] = Math.floor((k * this.districts) / this.neighbourhoods);
    }
    for (let d = 0, k = 0; d <= this.districts; d += 1) {
      while (k < this.neighbourhoods && this.districtOf[k] < d) k += 1;
      this.districtStart[d] = k;
    }
    this.kind = new Uint8Array(size);
    this.since = new Uint16Array(size);
    this.end = new Uint16Array(size);
    this.cumulative = new Float64Array(size);
    let sum = 0;
    for (let i = 0; i < size; i += 1) {
      const actor = new Rng(hash(seed, STREAM.actor, i));
      const kind = actor.weighted(KIND_CUMULATIVE);
      this.kind[i] = kind;
      const weight = Math.min(MAX_WEIGHT, Math.pow(1 - actor.next(), -1 / PARETO_ALPHA)) * KIND_WEIGHT[kind];
      this.cumulative[i] = sum += weight;
      const established = kind >= CITY_DEPARTMENT || (kind !== CITIZEN && actor.next() < 0.5);
      const since = established ? 0 : actor.int(0, dayOf('2024-06-30'));
      this.since[i] = since;
      const leaves = [0.12, 0.08, 0.1, 0, 0][kind];
      if (actor.next() < leaves) {
        const end = since + actor.int(365, 8 * 365);
        if (end < LAST_DAY) this.end[i] = end;
      }
    }
    for (let k = 0; k < this.neighbourhoods; k += 1) {
      const n = sizes[k];
      const planned = (n * MEAN_DEGREE) / 2;
      const cross = this.neighbourhoods > 1 ? Math.min(Math.round(planned * (1 - LOCAL_SHARE)), Math.floor(0.3 * n * (size - n))) : 0;
      this.crossTarget.push(cross);
      this.localTarget.push(Math.min(Math.round(planned) - cross, Math.floor((0.3 * n * (n - 1)) / 2)));
    }
    const made = `generated by generateCity ${generatorVersion} (seed ${userSeed})`;
    this.description = {
      CITIZEN: '',
      ASSOCIATION: `Synthetic association ${made}.`,
      COMPANY: `Synthetic company ${made}.`,
      CITY_DEPARTMENT: `Synthetic city department unit ${made}.`,
      ACADEMIC_INSTITUTION: `Synthetic academic institution ${made}.`,
    };
  }

  *areas(): Generator<AreaRow> {
    yield { id: 'gen-area-city', name: `Generated city (seed ${this.userSeed})`, level: 'CITY', parentId: null, synthetic: true };
    for (let d = 0; d < this.districts; d += 1) {
      const base = DISTRICT_NAMES[d % DISTRICT_NAMES.length];
      const name = d < DISTRICT_NAMES.length ? base : `${base} ${Math.floor(d / DISTRICT_NAMES.length) + 1}`;
      yield { id: this.districtId(d), name, level: 'DISTRICT', parentId: 'gen-area-city', synthetic: true };
    }
    for (let k = 0; k < this.neighbourhoods; k += 1) {
      yield { id: this.neighbourhoodId(k), name: this.neighbourhoodName(k), level: 'NEIGHBOURHOOD', parentId: this.districtId(this.districtOf[k]), synthetic: true };
    }
  }

  *actors(): Generator<ActorRow> {
    for (let k = 0; k < this.neighbourhoods; k += 1) {
      const place = this.neighbourhoodName(k);
      for (let i = this.start[k]; i < this.start[k + 1]; i += 1) {
        const kind = KIND_CODE[this.kind[i]];
        const rng = new Rng(hash(this.seed, STREAM.name, i));
        if (kind === 'CITIZEN') {
          yield {
            id: actorId(i),
            kind,
            sector: 'CITIZEN',
            name: `Synthetic resident ${i + 1} (${place})`,
            consentGiven: true,
            consentDate: DATES[this.since[i]],
            consentPurpose: CONSENT_PURPOSE,
            synthetic: true,
          };
          continue;
        }
        const name =
          kind === 'ASSOCIATION' ? `${possessive(place)} ${rng.pick(ASSOCIATION_TYPES)} ${i + 1}`
          : kind === 'COMPANY' ? `${place} ${rng.pick(COMPANY_TYPES)} AB ${i + 1}`
          : kind === 'CITY_DEPARTMENT' ? `${rng.pick(DEPARTMENT_TYPES)}, enhet ${place} ${i + 1}`
          : `${rng.pick(ACADEMIC_TYPES)} ${place} ${i + 1}`;
        yield {
          id: actorId(i),
          kind,
          sector: SECTOR_OF_KIND[kind] as Exclude<Sector, 'CITIZEN'>,
          name: `${name} (synthetic)`,
          description: this.description[kind],
          website: null,
          organisationNumber: null,
          synthetic: true,
        };
      }
    }
  }

  /**
   * Each actor is active in its home neighbourhood, some also in a neighbouring one;
   * city departments and academia mostly in the whole city or their district.
   */
  *memberships(): Generator<MembershipRow> {
    for (let k = 0; k < this.neighbourhoods; k += 1) {
      for (let i = this.start[k]; i < this.start[k + 1]; i += 1) {
        const rng = new Rng(hash(this.seed, STREAM.membership, i));
        const kind = this.kind[i];
        const since = DATES[this.since[i]];
        const until = this.end[i] ? DATES[this.end[i]] : null;
        const u = rng.next();
        if (kind >= CITY_DEPARTMENT) {
          const [toCity, toDistrict] = kind === CITY_DEPARTMENT ? [0.5, 0.8] : [0.6, 0.85];
          const areaId = u < toCity ? 'gen-area-city' : u < toDistrict ? this.districtId(this.districtOf[k]) : this.neighbourhoodId(k);
          yield { actorId: actorId(i), areaId, since, until };
          continue;
        }
        yield { actorId: actorId(i), areaId: this.neighbourhoodId(k), since, until };
        if (u < [0.08, 0.15, 0.2][kind] && this.neighbourhoods > 1) {
          const other = this.neighbourhoodId((k + 1) % this.neighbourhoods);
          const second = Math.min(this.end[i] || LAST_SINCE, this.since[i] + rng.int(0, 5 * 365));
          yield { actorId: actorId(i), areaId: other, since: DATES[second], until };
        }
      }
    }
  }

  *initiatives(): Generator<InitiativeRow> {
    for (let k = 0; k < this.neighbourhoods; k += 1) {
      for (let j = this.initiativeStart[k]; j < this.initiativeStart[k + 1]; j += 1) {
        const initiative = this.initiative(j);
        const { rng } = initiative;
        const sdgs = new Set<number>();
        for (let s = rng.int(1, 3); s > 0; s -= 1) sdgs.add(rng.pick(SDG_POOL));
        const areaIds = [this.neighbourhoodId(k)];
        if (rng.next() < 0.2) areaIds.push(this.districtId(this.districtOf[k]));
        yield {
          id: this.initiativeId(j),
          name: `${INITIATIVE_LABEL[initiative.kind]} ${this.neighbourhoodName(k)} ${j - this.initiativeStart[k] + 1} (synthetic)`,
          kind: initiative.kind,
          description: `Synthetic ${initiative.kind.toLowerCase()} generated by generateCity ${generatorVersion}.`,
          website: null,
          startDate: DATES[initiative.start],
          endDate: initiative.end < 0 ? null : DATES[initiative.end],
          sdgs: [...sdgs].sort((a, b) => a - b),
          areaIds,
          synthetic: true,
        };
      }
    }
  }

  /** One lead, a few partners, sometimes a funder from the district, and residents taking part. */
  *participations(): Generator<ParticipationRow> {
    for (let k = 0; k < this.neighbourhoods; k += 1) {
      const lo = this.start[k];
      const hi = this.start[k + 1];
      const district = this.districtRange(this.districtOf[k]);
      for (let j = this.initiativeStart[k]; j < this.initiativeStart[k + 1]; j += 1) {
        const initiative = this.initiative(j);
        const rng = new Rng(hash(this.seed, STREAM.participation, j));
        const taken = new Set<number>();
        const since = DATES[initiative.start];
        const until = initiative.end < 0 ? null : DATES[initiative.end];
        const row = (actor: number, role: ParticipationRole): ParticipationRow => {
          taken.add(actor);
          return { actorId: actorId(actor), initiativeId: this.initiativeId(j), role, since, until };
        };
        const find = (from: number, to: number, kinds: number[], weighted: boolean): number => {
          for (let attempt = 0; attempt < 40; attempt += 1) {
            const actor = weighted ? this.sample(rng, from, to) : rng.int(from, to - 1);
            if (!taken.has(actor) && (kinds.length === 0 || kinds.includes(this.kind[actor]))) return actor;
          }
          return -1;
        };
        const lead = find(lo, hi, [ASSOCIATION, CITY_DEPARTMENT, ACADEMIC], true);
        if (lead >= 0) yield row(lead, 'LEAD');
        for (let p = rng.int(0, 3); p > 0; p -= 1) {
          const partner = find(lo, hi, [ASSOCIATION, COMPANY, CITY_DEPARTMENT, ACADEMIC], true);
          if (partner >= 0) yield row(partner, 'PARTNER');
        }
        if ((initiative.kind === 'PROJECT' || initiative.kind === 'INCUBATOR') && rng.next() < 0.6) {
          const funder = find(district[0], district[1], [CITY_DEPARTMENT, COMPANY], true);
          if (funder >= 0) yield row(funder, 'FUNDER');
        }
        for (let p = rng.int(3, initiative.kind === 'EVENT' ? 40 : 20); p > 0; p -= 1) {
          const participant = find(lo, hi, [], false);
          if (participant >= 0) yield row(participant, 'PARTICIPANT');
        }
      }
    }
  }

  /**
   * Chung–Lu style ties: both ends drawn in proportion to their activity weight, so
   * degrees inherit the weights' heavy tail. Most ties stay in the neighbourhood; the
   * rest reach the district or the whole city, more often from departments and academia.
   */
  *collaborations(): Generator<CollaborationRow> {
    let serial = 0;
    const crossSeen = new Set<number>();
    const key = (a: number, b: number) => (a < b ? a * this.size + b : b * this.size + a);
    for (let k = 0; k < this.neighbourhoods; k += 1) {
      const lo = this.start[k];
      const hi = this.start[k + 1];
      const local = new Rng(hash(this.seed, STREAM.local, k));
      const localSeen = new Set<number>();
      const localTarget = this.localTarget[k];
      for (let attempt = 0; localSeen.size < localTarget && attempt < localTarget * 20; attempt += 1) {
        const a = this.sample(local, lo, hi);
        const b = this.sample(local, lo, hi);
        if (a === b || localSeen.has(key(a, b))) continue;
        localSeen.add(key(a, b));
        yield this.tie((serial += 1), a, b, local, k);
      }
      // Rarely needed (tiny or saturated neighbourhoods): fill the quota with the nearest unused pairs.
      for (let gap = 1; localSeen.size < localTarget && gap < hi - lo; gap += 1) {
        for (let a = lo; a + gap < hi && localSeen.size < localTarget; a += 1) {
          if (localSeen.has(key(a, a + gap))) continue;
          localSeen.add(key(a, a + gap));
          yield this.tie((serial += 1), a, a + gap, local, k);
        }
      }
      const cross = new Rng(hash(this.seed, STREAM.cross, k));
      const crossTarget = this.crossTarget[k];
      const district = this.districtRange(this.districtOf[k]);
      const ownSeen = new Set<number>();
      const accept = (a: number, b: number, seen: Set<number>) => {
        if (b >= lo && b < hi) return false;
        const pair = key(a, b);
        if (seen.has(pair)) return false;
        crossSeen.add(pair);
        ownSeen.add(pair);
        return true;
      };
      for (let attempt = 0; ownSeen.size < crossTarget && attempt < crossTarget * 50; attempt += 1) {
        const a = this.sample(cross, lo, hi);
        if (cross.next() * MAX_CROSS_AFFINITY >= CROSS_AFFINITY[this.kind[a]]) continue;
        const inDistrict = cross.next() < 0.5 && district[1] - district[0] > hi - lo;
        const b = inDistrict ? this.sample(cross, district[0], district[1]) : this.sample(cross, 0, this.size);
        if (accept(a, b, crossSeen)) yield this.tie((serial += 1), a, b, cross, -1);
      }
      // Tiny cities only: scan pairs in order, first avoiding every earlier cross tie, then only this neighbourhood's own.
      for (const seen of [crossSeen, ownSeen]) {
        for (let a = lo; a < hi && ownSeen.size < crossTarget; a += 1) {
          for (let b = 0; b < this.size && ownSeen.size < crossTarget; b += 1) {
            if (accept(a, b, seen)) yield this.tie((serial += 1), a, b, cross, -1);
          }
        }
      }
    }
  }

  private tie(serial: number, a: number, b: number, rng: Rng, neighbourhood: number): CollaborationRow {
    const [from, to] = a < b ? [a, b] : [b, a];
    const table = TIE_TABLE[this.kind[a] * 5 + this.kind[b]];
    const ends = [this.end[a], this.end[b]].filter((day) => day > 0);
    const latest = Math.min(LAST_SINCE, ...ends);
    let since = Math.max(this.since[a], this.since[b]);
    let initiativeId: string | null = null;
    if (neighbourhood >= 0 && rng.next() < 0.1) {
      const j = rng.int(this.initiativeStart[neighbourhood], this.initiativeStart[neighbourhood + 1] - 1);
      const initiative = this.initiative(j);
      if (initiative.start >= since && initiative.start <= latest) {
        initiativeId = this.initiativeId(j);
        since = initiative.start;
      }
    }
    if (initiativeId === null && latest > since) since += Math.floor(rng.next() * rng.next() * (latest - since));
    let until: number | null = null;
    if (rng.next() < 0.3) until = since + rng.int(90, 6 * 365);
    if (ends.length > 0) until = Math.min(until ?? Infinity, ...ends);
    if (until !== null && until > LAST_DAY) until = null;
    return {
      id: `gen-collab-${pad(serial, 8)}`,
      fromId: actorId(from),
      toId: actorId(to),
      kind: table.kinds[rng.weighted(table.cumulative)],
      since: DATES[since],
      until: until === null ? null : DATES[Math.max(until, since)],
      strength: rng.weighted(STRENGTH_CUMULATIVE) + 1,
      initiativeId,
      source: 'seed: generateCity',
    };
  }

  /** An actor index in [lo, hi) drawn in proportion to activity weight. */
  private sample(rng: Rng, lo: number, hi: number): number {
    const base = lo > 0 ? this.cumulative[lo - 1] : 0;
    const target = base + rng.next() * (this.cumulative[hi - 1] - base);
    let left = lo;
    let right = hi - 1;
    while (left < right) {
      const mid = (left + right) >>> 1;
      if (this.cumulative[mid] > target) right = mid;
      else left = mid + 1;
    }
    return left;
  }

  private initiative(j: number): Initiative {
    const rng = new Rng(hash(this.seed, STREAM.initiative, j));
    const kind = INITIATIVE_KIND_LIST[rng.weighted(INITIATIVE_KIND_CUMULATIVE)];
    const start = rng.int(0, LAST_SINCE);
    const length =
      kind === 'PROJECT' ? rng.int(365, 4 * 365)
      : kind === 'INCUBATOR' ? rng.int(2 * 365, 5 * 365)
      : kind === 'EVENT' ? rng.int(0, 2)
      : rng.next() < 0.6 ? -1 : rng.int(365, 3 * 365);
    const end = length < 0 || start + length > LAST_DAY ? -1 : start + length;
    return { kind, start, end, rng };
  }

  private districtRange(d: number): [number, number] {
    return [this.start[this.districtStart[d]], this.start[this.districtStart[d + 1]]];
  }

  private districtId(d: number): string {
    return `gen-area-d${pad(d + 1, 3)}`;
  }

  private neighbourhoodId(k: number): string {
    return `gen-area-n${pad(k + 1, 4)}`;
  }

  private initiativeId(j: number): string {
    return `gen-init-${pad(j + 1, 6)}`;
  }

  private neighbourhoodName(k: number): string {
    const combinations = AREA_PREFIXES.length * AREA_SUFFIXES.length;
    // 97 is prime to the 384 combinations, so the first 384 names are all different.
    const index = (k * 97 + (this.seed % combinations)) % combinations;
    const name = AREA_PREFIXES[Math.floor(index / AREA_SUFFIXES.length)] + AREA_SUFFIXES[index % AREA_SUFFIXES.length];
    return k < combinations ? name : `${name} ${Math.floor(k / combinations) + 1}`;
  }
}
