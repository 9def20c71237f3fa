import { COLLABORATION_KINDS as KINDS, SECTORS } from '../../model';
import type { Scope } from '../scope';
import { binarySearchId, codeOf, columnsOfRows, startsOf, type IndexColumns, type IndexRows } from './indexColumns';
import { sortSegmentsByTieId } from './adjacencyOrder';
import { RecentPerIndex } from './recentPerIndex';

export type { IndexRows } from './indexColumns';

/** `YYYY-MM-DD` → yyyymmdd. */
export const dayNumber = (date: string): number => Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));

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

/** The actors a scope starts from: its area's active members (sub-areas included), or every actor. Shared: read, never modify. */
export interface ScopeMembers {
  /** Actor numbers, ascending. */
  list: Int32Array;
  /** 1 for a member, by actor number. */
  isMember: Uint8Array;
}

/** A scope's members are asked by every analysis of it, usually several in a row. */
const recentMembers = new RecentPerIndex<ScopeMembers>(8);

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
  /** What the GraphQL lists show besides id, name and sector (src/loaders/indexReads.ts). */
  readonly actorKind: Uint8Array;
  readonly actorSynthetic: Uint8Array;
  readonly actorRegisteredBy: Array<string | null>;
  readonly areaIds: string[];
  readonly areaNames: string[];
  readonly areaChildren: number[][];
  /** Parent area numbers of each area. */
  readonly areaParents: number[][];
  readonly areaIndexOf: Map<string, number>;
  readonly areaLevels: IndexColumns['areaLevels'];
  readonly areaSynthetic: boolean[];
  /** Memberships of area k: positions memberStart[k] … memberStart[k+1]−1. */
  readonly memberStart: Int32Array;
  readonly memberActor: Int32Array;
  readonly memberSince: Int32Array;
  readonly memberUntil: Int32Array;
  /**
   * Ties of actor a (each tie under both ends): positions adjStart[a] … adjStart[a+1]−1,
   * in tie id order (as `collaborations` pages them).
   */
  readonly adjStart: Int32Array;
  readonly adjOther: Int32Array;
  readonly adjKind: Uint8Array;
  readonly adjStrength: Uint8Array;
  readonly adjSince: Int32Array;
  readonly adjUntil: Int32Array;
  /** 1 where the actor is the tie's stored start (its `actorIds` are [this actor, other]), 0 at the end. */
  readonly adjOutgoing: Uint8Array;
  /** The tie's id at each adjacency position ('' when the rows had none). */
  readonly adjTieId: string[];
  readonly tieCount: number;

  constructor(
    readonly version: string,
    source: IndexRows | IndexColumns,
  ) {
    const columns = 'tieSource' in source ? source : columnsOfRows(source);
    const n = columns.actorIds.length;
    this.actorIds = columns.actorIds;
    this.actorNames = columns.actorNames;
    this.actorSector = columns.actorSector;
    this.actorKind = columns.actorKind;
    this.actorSynthetic = columns.actorSynthetic;
    this.actorRegisteredBy = columns.actorRegisteredBy;

    this.areaIds = columns.areaIds;
    this.areaNames = columns.areaNames;
    this.areaParents = columns.areaParents;
    this.areaLevels = columns.areaLevels;
    this.areaSynthetic = columns.areaSynthetic;
    this.areaIndexOf = new Map(this.areaIds.map((id, index) => [id, index]));
    this.areaChildren = this.areaIds.map(() => []);
    columns.areaParents.forEach((parents, child) => {
      for (const parent of parents) this.areaChildren[parent].push(child);
    });

    this.memberStart = startsOf(this.areaIds.length, columns.memberArea);
    const memberCount = columns.memberArea.length;
    this.memberActor = new Int32Array(memberCount);
    this.memberSince = new Int32Array(memberCount);
    this.memberUntil = new Int32Array(memberCount);
    const memberNext = this.memberStart.slice(0, this.areaIds.length);
    for (let row = 0; row < memberCount; row += 1) {
      const at = memberNext[columns.memberArea[row]]++;
      this.memberActor[at] = columns.memberActor[row];
      this.memberSince[at] = columns.memberSince[row];
      this.memberUntil[at] = columns.memberUntil[row];
    }

    const tieCount = columns.tieSource.length;
    this.tieCount = tieCount;
    // Each tie under both ends: entries 2·row (at the source) and 2·row + 1 (at the target).
    const ends = new Int32Array(tieCount * 2);
    for (let row = 0; row < tieCount; row += 1) {
      ends[2 * row] = columns.tieSource[row];
      ends[2 * row + 1] = columns.tieTarget[row];
    }
    this.adjStart = startsOf(n, ends);
    const size = ends.length;
    this.adjOther = new Int32Array(size);
    this.adjKind = new Uint8Array(size);
    this.adjStrength = new Uint8Array(size);
    this.adjSince = new Int32Array(size);
    this.adjUntil = new Int32Array(size);
    this.adjTieId = new Array<string>(size);
    this.adjOutgoing = new Uint8Array(size);
    const adjNext = this.adjStart.slice(0, n);
    for (let entry = 0; entry < size; entry += 1) {
      const row = entry >> 1;
      const at = adjNext[ends[entry]]++;
      this.adjOther[at] = ends[entry ^ 1];
      this.adjKind[at] = columns.tieKind[row];
      this.adjStrength[at] = columns.tieStrength[row];
      this.adjSince[at] = columns.tieSince[row];
      this.adjUntil[at] = columns.tieUntil[row];
      this.adjTieId[at] = columns.tieIds[row];
      this.adjOutgoing[at] = (entry & 1) ^ 1;
    }
    sortSegmentsByTieId(this);
  }

  /** The actor number of an id, or −1 (a binary search: the index keeps no map of 100,000 ids). */
  actorNumber(id: string): number {
    return binarySearchId(this.actorIds, id);
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

  /**
   * The scope's members: active in its area (sub-areas included), or every actor, of an allowed sector.
   * Every analysis of a scope starts here: the members of the few most recent scopes are kept
   * (shared between requests, so read-only), and a new scope fills preallocated arrays in plain loops.
   */
  membersOf(scope: Scope, filter: ScopeFilter): ScopeMembers {
    const sectors = filter.sectorAllowed.join('');
    return recentMembers.get(this, `${scope.areaId ?? ''}|${filter.day}|${sectors}`, () => this.findMembers(scope, filter));
  }

  private findMembers(scope: Scope, filter: ScopeFilter): ScopeMembers {
    const isMember = new Uint8Array(this.actorCount);
    const { sectorAllowed, day } = filter;
    if (scope.areaId === null) {
      const list = new Int32Array(this.actorCount);
      let size = 0;
      for (let actor = 0; actor < this.actorCount; actor += 1) {
        if (sectorAllowed[this.actorSector[actor]]) {
          isMember[actor] = 1;
          list[size++] = actor;
        }
      }
      return { list: size === list.length ? list : list.slice(0, size), isMember };
    }
    const { memberStart, memberActor, memberSince, memberUntil } = this;
    let size = 0;
    for (const area of this.subtreeOf(scope.areaId) ?? []) {
      for (let at = memberStart[area]; at < memberStart[area + 1]; at += 1) {
        const actor = memberActor[at];
        if (memberSince[at] <= day && memberUntil[at] >= day && isMember[actor] === 0 && sectorAllowed[this.actorSector[actor]]) {
          isMember[actor] = 1;
          size += 1;
        }
      }
    }
    // In actor-number order by a scan of the flags: cheaper than sorting the members.
    const list = new Int32Array(size);
    for (let actor = 0, at = 0; at < size; actor += 1) if (isMember[actor] === 1) list[at++] = actor;
    return { list, isMember };
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
