import { compareIds } from '../compareIds';
import { COLLABORATION_KINDS as KINDS, SECTORS, type CollaborationKind, type Sector } from '../../model';
import type { Scope } from '../scope';

/** Rows of the analytics/index* statements, as the index is built from them. */
export interface IndexRows {
  actors: ReadonlyArray<{ id: string; sector: Sector; name: string }>;
  areas: ReadonlyArray<{ id: string; name: string; parentIds: string[] }>;
  memberships: ReadonlyArray<{ actorId: string; areaId: string; since: number | null; until: number | null }>;
  /** `id` is the tie's id (the network payload names edges by it); rows built by hand may leave it out. */
  ties: ReadonlyArray<{ id?: string; source: string; target: string; kind: CollaborationKind; strength: number; since: number | null; until: number | null }>;
}

/** Dates are integers yyyymmdd, which order as the dates do. A missing `since` never starts; a missing `until` never ends. */
const NEVER = 99_999_999;

/** `YYYY-MM-DD` → yyyymmdd. */
export const dayNumber = (date: string): number => Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));

function codeOf<T extends string>(list: readonly T[], value: T, what: string): number {
  const code = list.indexOf(value);
  if (code < 0) throw new Error(`collaboration index: unknown ${what} ${String(value)}`);
  return code;
}

/** The filters of a scope, turned into lookups on codes. */
export interface ScopeFilter {
  day: number;
  /** Allowed sector codes (all when the scope names none). */
  sectorAllowed: Uint8Array;
  /** Allowed kind codes, or null for every kind. */
  kindAllowed: Uint8Array | null;
  minStrength: number;
  touching: boolean;
}

/** The actors a scope starts from: its area's active members (sub-areas included), or every actor. */
export interface ScopeMembers {
  /** Actor numbers, ascending. */
  list: Int32Array;
  /** 1 for a member, by actor number. */
  isMember: Uint8Array;
}

/**
 * The whole collaboration graph of one graph version in compact arrays: actors
 * with their sector, the area tree with each area's memberships, and every tie
 * in both directions (compressed sparse rows) with its kind, strength and dates.
 * Immutable once built; a new graph version gets a new index. Answering a scope
 * touches only the scope's areas, members and their ties.
 */
export class CollaborationIndex {
  /** Actor numbers follow the ids' order: comparing numbers compares ids. */
  readonly actorIds: string[];
  readonly actorNames: string[];
  readonly actorSector: Uint8Array;
  readonly areaIds: string[];
  readonly areaNames: string[];
  readonly areaChildren: number[][];
  readonly areaIndexOf: Map<string, number>;
  /** Memberships of area k: positions memberStart[k] … memberStart[k+1]−1. */
  readonly memberStart: Int32Array;
  readonly memberActor: Int32Array;
  readonly memberSince: Int32Array;
  readonly memberUntil: Int32Array;
  /** Ties of actor a (each tie under both ends): positions adjStart[a] … adjStart[a+1]−1. */
  readonly adjStart: Int32Array;
  readonly adjOther: Int32Array;
  readonly adjKind: Uint8Array;
  readonly adjStrength: Uint8Array;
  readonly adjSince: Int32Array;
  readonly adjUntil: Int32Array;
  /** The tie's id at each adjacency position ('' when the rows had none). */
  readonly adjTieId: string[];
  readonly tieCount: number;

  constructor(
    readonly version: string,
    rows: IndexRows,
  ) {
    const n = rows.actors.length;
    const actors = [...rows.actors].sort((a, b) => compareIds(a.id, b.id));
    this.actorIds = actors.map((actor) => actor.id);
    this.actorNames = actors.map((actor) => actor.name);
    const actorIndexOf = new Map(this.actorIds.map((id, index) => [id, index]));
    this.actorSector = Uint8Array.from(actors, (actor) => codeOf(SECTORS, actor.sector, 'sector'));
    const actorOf = (id: string): number => {
      const index = actorIndexOf.get(id);
      if (index === undefined) throw new Error(`collaboration index: unknown actor ${id}`);
      return index;
    };

    this.areaIds = rows.areas.map((area) => area.id);
    this.areaNames = rows.areas.map((area) => area.name);
    this.areaIndexOf = new Map(this.areaIds.map((id, index) => [id, index]));
    this.areaChildren = this.areaIds.map(() => []);
    rows.areas.forEach((area, child) => {
      for (const parentId of area.parentIds) {
        const parent = this.areaIndexOf.get(parentId);
        if (parent !== undefined) this.areaChildren[parent].push(child);
      }
    });

    const areaOfMembership = rows.memberships.map((membership) => {
      const area = this.areaIndexOf.get(membership.areaId);
      if (area === undefined) throw new Error(`collaboration index: unknown area ${membership.areaId}`);
      return area;
    });
    this.memberStart = startsOf(this.areaIds.length, areaOfMembership);
    const memberCount = rows.memberships.length;
    this.memberActor = new Int32Array(memberCount);
    this.memberSince = new Int32Array(memberCount);
    this.memberUntil = new Int32Array(memberCount);
    const memberNext = this.memberStart.slice(0, this.areaIds.length);
    rows.memberships.forEach((membership, row) => {
      const at = memberNext[areaOfMembership[row]]++;
      this.memberActor[at] = actorOf(membership.actorId);
      this.memberSince[at] = membership.since ?? NEVER;
      this.memberUntil[at] = membership.until ?? NEVER;
    });

    const ends = new Int32Array(rows.ties.length * 2);
    rows.ties.forEach((tie, row) => {
      ends[2 * row] = actorOf(tie.source);
      ends[2 * row + 1] = actorOf(tie.target);
    });
    this.tieCount = rows.ties.length;
    this.adjStart = startsOf(n, ends);
    const size = ends.length;
    this.adjOther = new Int32Array(size);
    this.adjKind = new Uint8Array(size);
    this.adjStrength = new Uint8Array(size);
    this.adjSince = new Int32Array(size);
    this.adjUntil = new Int32Array(size);
    this.adjTieId = new Array<string>(size);
    const adjNext = this.adjStart.slice(0, n);
    rows.ties.forEach((tie, row) => {
      const kind = codeOf(KINDS, tie.kind, 'collaboration kind');
      for (const [from, to] of [
        [ends[2 * row], ends[2 * row + 1]],
        [ends[2 * row + 1], ends[2 * row]],
      ]) {
        const at = adjNext[from]++;
        this.adjOther[at] = to;
        this.adjKind[at] = kind;
        this.adjStrength[at] = tie.strength;
        this.adjSince[at] = tie.since ?? NEVER;
        this.adjUntil[at] = tie.until ?? NEVER;
        this.adjTieId[at] = tie.id ?? '';
      }
    });
  }

  get actorCount(): number {
    return this.actorIds.length;
  }

  /** The scope's filters as code lookups. */
  filterOf(scope: Scope): ScopeFilter {
    const sectorAllowed = new Uint8Array(SECTORS.length).fill(scope.sectors ? 0 : 1);
    for (const sector of scope.sectors ?? []) sectorAllowed[codeOf(SECTORS, sector, 'sector')] = 1;
    let kindAllowed: Uint8Array | null = null;
    if (scope.kinds) {
      kindAllowed = new Uint8Array(KINDS.length);
      for (const kind of scope.kinds) kindAllowed[codeOf(KINDS, kind, 'collaboration kind')] = 1;
    }
    return { day: dayNumber(scope.asOf), sectorAllowed, kindAllowed, minStrength: scope.minStrength, touching: scope.membership === 'TOUCHING' };
  }

  /** Area numbers of an area and every area beneath it, the area first; null for an unknown id. */
  subtreeOf(areaId: string): number[] | null {
    const root = this.areaIndexOf.get(areaId);
    if (root === undefined) return null;
    const seen = new Set([root]);
    const order = [root];
    for (let next = 0; next < order.length; next += 1) {
      for (const child of this.areaChildren[order[next]]) {
        if (!seen.has(child)) {
          seen.add(child);
          order.push(child);
        }
      }
    }
    return order;
  }

  /**
   * Calls `visit` with each actor active on `day` in one of `areas`, of an allowed
   * sector: once for each such membership, so an actor may come more than once.
   */
  forEachActiveMember(areas: readonly number[], filter: ScopeFilter, visit: (actor: number) => void): void {
    for (const area of areas) {
      for (let at = this.memberStart[area]; at < this.memberStart[area + 1]; at += 1) {
        if (this.memberSince[at] <= filter.day && this.memberUntil[at] >= filter.day && filter.sectorAllowed[this.actorSector[this.memberActor[at]]]) {
          visit(this.memberActor[at]);
        }
      }
    }
  }

  /** The scope's members: active in its area (sub-areas included), or every actor, of an allowed sector. */
  membersOf(scope: Scope, filter: ScopeFilter): ScopeMembers {
    const isMember = new Uint8Array(this.actorCount);
    const list: number[] = [];
    if (scope.areaId === null) {
      for (let actor = 0; actor < this.actorCount; actor += 1) {
        if (filter.sectorAllowed[this.actorSector[actor]]) {
          isMember[actor] = 1;
          list.push(actor);
        }
      }
      return { list: Int32Array.from(list), isMember };
    }
    this.forEachActiveMember(this.subtreeOf(scope.areaId) ?? [], filter, (actor) => {
      if (!isMember[actor]) {
        isMember[actor] = 1;
        list.push(actor);
      }
    });
    return { list: Int32Array.from(list).sort(), isMember };
  }

  /** Whether the tie at adjacency position `at` counts under the filter (its far end's sector included). */
  tieCounts(at: number, filter: ScopeFilter): boolean {
    return (
      this.adjSince[at] <= filter.day &&
      this.adjUntil[at] >= filter.day &&
      this.adjStrength[at] >= filter.minStrength &&
      (filter.kindAllowed === null || filter.kindAllowed[this.adjKind[at]] === 1) &&
      filter.sectorAllowed[this.actorSector[this.adjOther[at]]] === 1
    );
  }
}

/** Row starts of a compressed sparse row layout: starts[k] … starts[k+1]−1 hold the entries keyed k. */
function startsOf(keys: number, keyOfEntry: ArrayLike<number>): Int32Array {
  const starts = new Int32Array(keys + 1);
  for (let entry = 0; entry < keyOfEntry.length; entry += 1) starts[keyOfEntry[entry] + 1] += 1;
  for (let key = 0; key < keys; key += 1) starts[key + 1] += starts[key];
  return starts;
}
