import type { ImportKind } from './kinds';
import type { ImportRecord } from './records';
import { dateOf, dayOf, OPEN, TiePeriods } from './tiePeriods';

type Report = (column: string, value: string, rule: string, message: string) => void;

/** What the file says about an actor id, as bits of one byte per interned id. */
const DEFINED = 1;
const REFERENCED = 2;
const CITIZEN = 4;

/**
 * What the first pass remembers about the whole file, as compact keys: the ids
 * each kind defines, the keys that must be unique, the periods of each tie's
 * pair and kind, and the ids rows refer to. Enough to find duplicates, overlaps
 * and dangling references without keeping the rows. Actor ids (the ids a tie
 * file repeats a million times) are interned once into numbers, with what the
 * file says about each in a byte; tie periods live in typed arrays (TiePeriods).
 */
export class FileState {
  readonly defined = { areas: new Set<string>(), initiatives: new Set<string>(), collaborations: new Set<string>() };
  readonly referenced = { areas: new Set<string>(), initiatives: new Set<string>() };
  private readonly organisationNumbers = new Set<string>();
  private readonly relationKeys = new Set<string>();
  private readonly actorNumbers = new Map<string, number>();
  private actorFlags = new Uint8Array(1024);
  private readonly tieKindNumbers = new Map<string, number>();
  private readonly periods = new TiePeriods();
  /** Pair keys past the numeric range (more than 2^24 actors in one file), as negative numbers. */
  private readonly widePairs = new Map<string, number>();

  private actorNumber(id: string): number {
    let value = this.actorNumbers.get(id);
    if (value === undefined) {
      value = this.actorNumbers.size;
      this.actorNumbers.set(id, value);
      if (value === this.actorFlags.length) {
        const bigger = new Uint8Array(this.actorFlags.length * 2);
        bigger.set(this.actorFlags);
        this.actorFlags = bigger;
      }
    }
    return value;
  }

  private flagActor(id: string, flag: number): void {
    this.actorFlags[this.actorNumber(id)] |= flag;
  }

  private actorHas(id: string, flag: number): boolean {
    const number = this.actorNumbers.get(id);
    return number !== undefined && (this.actorFlags[number] & flag) !== 0;
  }

  definesActor(id: string): boolean {
    return this.actorHas(id, DEFINED);
  }

  /** Whether the file defines this actor as a citizen. */
  isCitizen(id: string): boolean {
    return this.actorHas(id, CITIZEN);
  }

  /** `first|second|kind` as one number below 2^53 (exact in a double) while the file names fewer than 2^24 actors, else a negative number of its own. */
  private tieKey(first: string, a: number, second: string, b: number, kind: string): number {
    let k = this.tieKindNumbers.get(kind);
    if (k === undefined) this.tieKindNumbers.set(kind, (k = this.tieKindNumbers.size));
    if (a < 2 ** 24 && b < 2 ** 24 && k < 32) return (a * 2 ** 24 + b) * 32 + k;
    const wide = `${first}|${second}|${kind}`;
    let key = this.widePairs.get(wide);
    if (key === undefined) this.widePairs.set(wide, (key = -(this.widePairs.size + 1)));
    return key;
  }

  /** Records the row's keys; reports duplicates and overlaps. Returns false when the row is a duplicate. */
  admit(record: ImportRecord, report: Report): boolean {
    switch (record.kind) {
      case 'actors':
        if (this.definesActor(record.id)) return this.duplicate(report, record.idGiven ? 'id' : 'organisationNumber', record.idGiven ? record.id : (record.organisationNumber ?? ''), 'actor');
        if (record.organisationNumber !== null) {
          if (this.organisationNumbers.has(record.organisationNumber)) return this.duplicate(report, 'organisationNumber', record.organisationNumber, 'actor');
          this.organisationNumbers.add(record.organisationNumber);
        }
        this.flagActor(record.id, record.actorKind === 'CITIZEN' ? DEFINED | CITIZEN : DEFINED);
        if (record.registeredBy !== null) this.flagActor(record.registeredBy, REFERENCED);
        return true;
      case 'areas':
        if (this.defined.areas.has(record.id)) return this.duplicate(report, 'id', record.id, 'area');
        this.defined.areas.add(record.id);
        if (record.parentId !== null) this.referenced.areas.add(record.parentId);
        return true;
      case 'initiatives':
        if (this.defined.initiatives.has(record.id)) return this.duplicate(report, 'id', record.id, 'initiative');
        this.defined.initiatives.add(record.id);
        for (const areaId of record.areaIds) this.referenced.areas.add(areaId);
        return true;
      case 'memberships':
        if (!this.uniqueRelation(`m|${record.actorId}|${record.areaId}|${record.since}`)) return this.duplicate(report, 'since', record.since, 'membership (same actor, area and start date)');
        this.flagActor(record.actorId, REFERENCED);
        this.referenced.areas.add(record.areaId);
        return true;
      case 'participations':
        if (!this.uniqueRelation(`p|${record.actorId}|${record.initiativeId}|${record.role}`)) return this.duplicate(report, 'role', record.role, 'participation (same actor, initiative and role)');
        this.flagActor(record.actorId, REFERENCED);
        this.referenced.initiatives.add(record.initiativeId);
        return true;
      case 'collaborations': {
        // Only ids the file gives are kept: a derived id repeats exactly when the pair, kind and start date do, which the periods show.
        if (record.idGiven && this.defined.collaborations.has(record.id)) return this.duplicate(report, 'id', record.id, 'tie');
        // Each end's number is looked up once (a tie file repeats its actors' ids a million times).
        const first = this.actorNumber(record.firstId);
        const second = this.actorNumber(record.secondId);
        const pair = this.tieKey(record.firstId, first, record.secondId, second, record.tieKind);
        const since = dayOf(record.since);
        const until = record.until === null ? OPEN : dayOf(record.until);
        const met = this.periods.find(pair, (period) => (!record.idGiven && period.since === since) || (period.until >= since && until >= period.since));
        if (met) {
          if (!record.idGiven && met.since === since) return this.duplicate(report, 'id', record.id, 'tie');
          report('since', record.since, 'overlap', `overlaps another ${record.tieKind} tie between ${record.firstId} and ${record.secondId} earlier in the file (from ${dateOf(met.since)}${met.until === OPEN ? ', open' : ` to ${dateOf(met.until)}`}). Two ties of one kind between one pair may not overlap in time: end the first before the second begins, merge them into one row, or give this one another kind.`);
          return false;
        }
        this.periods.add(pair, since, until);
        if (record.idGiven) this.defined.collaborations.add(record.id);
        this.actorFlags[first] |= REFERENCED;
        this.actorFlags[second] |= REFERENCED;
        if (record.initiativeId !== null) this.referenced.initiatives.add(record.initiativeId);
        return true;
      }
    }
  }

  /** Referenced ids the file does not define: they must already be in the database. */
  outside(kind: 'actors' | 'areas' | 'initiatives'): string[] {
    if (kind !== 'actors') return [...this.referenced[kind]].filter((id) => !this.defined[kind].has(id));
    const ids: string[] = [];
    for (const [id, number] of this.actorNumbers) if ((this.actorFlags[number] & (DEFINED | REFERENCED)) === REFERENCED) ids.push(id);
    return ids;
  }

  /**
   * Drops what only the first pass needs (tie periods, unique keys), before the
   * second pass: that pass reads the rows in batches, and the collector lets the
   * heap grow in proportion to what stays alive.
   */
  releaseFileChecks(): void {
    for (const set of [this.defined.collaborations, this.organisationNumbers, this.relationKeys]) set.clear();
    this.periods.clear();
    this.tieKindNumbers.clear();
    this.widePairs.clear();
  }

  /** Drops the rest once the second pass is done: the write pass needs none of it. */
  release(): void {
    this.releaseFileChecks();
    for (const set of [...Object.values(this.defined), ...Object.values(this.referenced)]) set.clear();
    this.actorNumbers.clear();
    this.actorFlags = new Uint8Array(0);
  }

  private uniqueRelation(key: string): boolean {
    if (this.relationKeys.has(key)) return false;
    this.relationKeys.add(key);
    return true;
  }

  private duplicate(report: Report, column: string, value: string, what: string): false {
    report(column, value, 'duplicate', `repeats the ${what} of a row earlier in the file. Keep one row per ${what.split(' ')[0]}: remove or merge the repeat.`);
    return false;
  }
}

export type ReferenceKind = Extract<ImportKind, 'actors' | 'areas' | 'initiatives'>;
