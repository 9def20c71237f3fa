import { compareIds } from '../compareIds';
import { COLLABORATION_KINDS as KINDS, SECTOR_OF_KIND, SECTORS, type ActorKind, type AreaLevel, type CollaborationKind, type Sector } from '../../model';

/** Actor kinds in a fixed order: the index keeps each actor's kind as its position here. */
export const ACTOR_KINDS = Object.keys(SECTOR_OF_KIND) as ActorKind[];

/**
 * An actor as the index statements return it. `kind`, `synthetic` and
 * `registeredBy` are what the GraphQL lists show besides id, name and sector
 * (src/loaders/indexReads.ts); rows built by hand may leave them out (the kind
 * then follows the sector).
 */
export interface ActorIndexRow {
  id: string;
  sector: Sector;
  name: string;
  kind?: ActorKind;
  synthetic?: boolean | null;
  registeredBy?: string | null;
}

/** Rows of the analytics/index* statements, as a test or a caller may hand them over whole. */
export interface IndexRows {
  actors: ReadonlyArray<ActorIndexRow>;
  /** `level` and `synthetic` are what `area(id)` answers from the index; rows built by hand may leave them out. */
  areas: ReadonlyArray<{ id: string; name: string; parentIds: string[]; level?: AreaLevel; synthetic?: boolean | null }>;
  memberships: ReadonlyArray<MembershipRow>;
  /** `id` is the tie's id (the network payload names edges by it); rows built by hand may leave it out. */
  ties: ReadonlyArray<TieRow>;
}

export interface MembershipRow {
  actorId: string;
  areaId: string;
  since: number | null;
  until: number | null;
}

export interface TieRow {
  id?: string;
  source: string;
  target: string;
  kind: CollaborationKind;
  strength: number;
  since: number | null;
  until: number | null;
}

/** Dates are integers yyyymmdd, which order as the dates do. A missing `since` never starts; a missing `until` never ends. */
export const NEVER = 99_999_999;
/** 0: before every day. */
export const ALWAYS = 0;

/** Each day's text, made once: a district's union writes some 75,000 tie dates over a few thousand distinct days. */
const DAY_TEXTS = new Map<number, string>();
const DAY_TEXTS_KEPT = 200_000;

/** yyyymmdd → `YYYY-MM-DD`; the open ends (NEVER, ALWAYS) become null, as the statements return a missing date. */
export function dateOfIndexDay(day: number): string | null {
  if (day <= ALWAYS || day >= NEVER) return null;
  let date = DAY_TEXTS.get(day);
  if (date === undefined) {
    const text = String(day).padStart(8, '0');
    date = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
    // Days span centuries at most; the bound only guards against a runaway caller.
    if (DAY_TEXTS.size >= DAY_TEXTS_KEPT) DAY_TEXTS.clear();
    DAY_TEXTS.set(day, date);
  }
  return date;
}

export function codeOf<T extends string>(list: readonly T[], value: T, what: string): number {
  const code = list.indexOf(value);
  if (code < 0) throw new Error(`collaboration index: unknown ${what} ${String(value)}`);
  return code;
}

/** A typed column that grows as rows arrive: the build never holds the rows themselves. */
export class IntColumn {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values, trimmed to length (a copy: the column can be dropped). */
  values(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * The whole graph as columns, actors numbered in id order: what the index is
 * built from, whether the columns came from the database (indexLoader.ts), from
 * rows (tests) or from an older index with a few actors replaced (indexPatch.ts).
 */
export interface IndexColumns {
  actorIds: string[];
  actorNames: string[];
  actorSector: Uint8Array;
  /** Position in ACTOR_KINDS. */
  actorKind: Uint8Array;
  /** 1 for synthetic data. */
  actorSynthetic: Uint8Array;
  /** A citizen's registering organisation (one string per organisation, shared); null otherwise. */
  actorRegisteredBy: Array<string | null>;
  areaIds: string[];
  areaNames: string[];
  /** Parent area numbers of each area. */
  areaParents: number[][];
  /** Each area's level ('NEIGHBOURHOOD' for rows without one) and whether it is synthetic: few areas, plain arrays. */
  areaLevels: AreaLevel[];
  areaSynthetic: boolean[];
  memberArea: Int32Array;
  memberActor: Int32Array;
  memberSince: Int32Array;
  memberUntil: Int32Array;
  tieSource: Int32Array;
  tieTarget: Int32Array;
  tieKind: Uint8Array;
  tieStrength: Uint8Array;
  tieSince: Int32Array;
  tieUntil: Int32Array;
  /** '' for a tie without an id (rows built by hand). */
  tieIds: string[];
}

/** Collects memberships and ties row by row into typed columns. */
export class ColumnBuilder {
  private readonly memberArea = new IntColumn();
  private readonly memberActor = new IntColumn();
  private readonly memberSince = new IntColumn();
  private readonly memberUntil = new IntColumn();
  private readonly tieSource = new IntColumn();
  private readonly tieTarget = new IntColumn();
  /** Kind and strength packed as kind * 256 + strength. */
  private readonly tieKindStrength = new IntColumn();
  private readonly tieSince = new IntColumn();
  private readonly tieUntil = new IntColumn();
  private readonly tieIds: string[] = [];

  constructor(
    /** Actor number of an id; throws for an unknown one. */
    private readonly actorOf: (id: string) => number,
    private readonly areaOf: (id: string) => number,
  ) {}

  membership(row: MembershipRow): void {
    this.membershipNumbers(this.areaOf(row.areaId), this.actorOf(row.actorId), row.since ?? NEVER, row.until ?? NEVER);
  }

  membershipNumbers(area: number, actor: number, since: number, until: number): void {
    this.memberArea.push(area);
    this.memberActor.push(actor);
    this.memberSince.push(since);
    this.memberUntil.push(until);
  }

  tie(row: TieRow): void {
    this.tieNumbers(this.actorOf(row.source), this.actorOf(row.target), codeOf(KINDS, row.kind, 'collaboration kind'), row.strength, row.since ?? NEVER, row.until ?? NEVER, row.id ?? '');
  }

  tieNumbers(source: number, target: number, kind: number, strength: number, since: number, until: number, id: string): void {
    this.tieSource.push(source);
    this.tieTarget.push(target);
    this.tieKindStrength.push(kind * 256 + strength);
    this.tieSince.push(since);
    this.tieUntil.push(until);
    this.tieIds.push(id);
  }

  columns(actors: ActorColumns, areas: AreaColumns): IndexColumns {
    const packed = this.tieKindStrength.values();
    return {
      ...actors,
      ...areas,
      memberArea: this.memberArea.values(),
      memberActor: this.memberActor.values(),
      memberSince: this.memberSince.values(),
      memberUntil: this.memberUntil.values(),
      tieSource: this.tieSource.values(),
      tieTarget: this.tieTarget.values(),
      tieKind: Uint8Array.from(packed, (value) => value >> 8),
      tieStrength: Uint8Array.from(packed, (value) => value & 255),
      tieSince: this.tieSince.values(),
      tieUntil: this.tieUntil.values(),
      tieIds: this.tieIds,
    };
  }
}

export type ActorColumns = Pick<IndexColumns, 'actorIds' | 'actorNames' | 'actorSector' | 'actorKind' | 'actorSynthetic' | 'actorRegisteredBy'>;

/** The kind code of a row: its own kind, or the kind of its sector. */
function kindCode(row: ActorIndexRow): number {
  const kind = row.kind ?? ACTOR_KINDS.find((candidate) => SECTOR_OF_KIND[candidate] === row.sector) ?? 'CITIZEN';
  return codeOf(ACTOR_KINDS, kind, 'actor kind');
}

/** Collects actor rows, in the order given, into columns; equal organisation ids share one string. */
export function actorColumnsInOrder(rows: ReadonlyArray<ActorIndexRow>): ActorColumns {
  const shared = new Map<string, string>();
  const intern = (id: string | null | undefined): string | null => {
    if (id == null) return null;
    const known = shared.get(id);
    if (known !== undefined) return known;
    shared.set(id, id);
    return id;
  };
  return {
    actorIds: rows.map((row) => row.id),
    actorNames: rows.map((row) => row.name),
    actorSector: Uint8Array.from(rows, (row) => codeOf(SECTORS, row.sector, 'sector')),
    actorKind: Uint8Array.from(rows, kindCode),
    actorSynthetic: Uint8Array.from(rows, (row) => (row.synthetic ? 1 : 0)),
    actorRegisteredBy: rows.map((row) => intern(row.registeredBy)),
  };
}

/** Actors in id order, as columns, from rows in any order. */
export function actorColumns(rows: ReadonlyArray<ActorIndexRow>): ActorColumns {
  return actorColumnsInOrder([...rows].sort((a, b) => compareIds(a.id, b.id)));
}

export type AreaColumns = Pick<IndexColumns, 'areaIds' | 'areaNames' | 'areaParents' | 'areaLevels' | 'areaSynthetic'>;

/** The area tree as columns; a parent missing from the rows is ignored. */
export function areaColumns(rows: IndexRows['areas']): AreaColumns {
  const areaIds = rows.map((area) => area.id);
  const numberOf = new Map(areaIds.map((id, index) => [id, index]));
  return {
    areaIds,
    areaNames: rows.map((area) => area.name),
    areaLevels: rows.map((area) => area.level ?? 'NEIGHBOURHOOD'),
    areaSynthetic: rows.map((area) => area.synthetic === true),
    areaParents: rows.map((area) => area.parentIds.flatMap((id) => (numberOf.has(id) ? [numberOf.get(id) as number] : []))),
  };
}

/** Position of `id` in ids sorted by compareIds, or −1. */
export function binarySearchId(ids: readonly string[], id: string): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = compareIds(ids[middle], id);
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Looks a key up or throws naming what was unknown (the load is then not kept). */
export function lookupOrThrow(find: (id: string) => number, what: string): (id: string) => number {
  return (id) => {
    const found = find(id);
    if (found < 0) throw new Error(`collaboration index: unknown ${what} ${id}`);
    return found;
  };
}

/** Columns of whole rows (tests, and callers holding rows already). */
export function columnsOfRows(rows: IndexRows): IndexColumns {
  const actors = actorColumns(rows.actors);
  const areas = areaColumns(rows.areas);
  const areaNumber = new Map(areas.areaIds.map((id, index) => [id, index]));
  const builder = new ColumnBuilder(
    lookupOrThrow((id) => binarySearchId(actors.actorIds, id), 'actor'),
    lookupOrThrow((id) => areaNumber.get(id) ?? -1, 'area'),
  );
  for (const membership of rows.memberships) builder.membership(membership);
  for (const tie of rows.ties) builder.tie(tie);
  return builder.columns(actors, areas);
}

/** Row starts of a compressed sparse row layout: starts[k] … starts[k+1]−1 hold the entries keyed k. */
export function startsOf(keys: number, keyOfEntry: ArrayLike<number>): Int32Array {
  const starts = new Int32Array(keys + 1);
  for (let entry = 0; entry < keyOfEntry.length; entry += 1) starts[keyOfEntry[entry] + 1] += 1;
  for (let key = 0; key < keys; key += 1) starts[key + 1] += starts[key];
  return starts;
}
