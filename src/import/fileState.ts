import type { ImportKind } from './kinds';
import type { ImportRecord } from './records';

type Report = (column: string, value: string, rule: string, message: string) => void;

function overlaps(aSince: string, aUntil: string, bSince: string, bUntil: string): boolean {
  return (aUntil === '' || aUntil >= bSince) && (bUntil === '' || bUntil >= aSince);
}

/**
 * What the first pass remembers about the whole file, as compact keys: the ids
 * each kind defines, the keys that must be unique, the periods of each tie's
 * pair and kind, and the ids rows refer to. Enough to find duplicates, overlaps
 * and dangling references without keeping the rows.
 */
export class FileState {
  readonly defined = { actors: new Set<string>(), areas: new Set<string>(), initiatives: new Set<string>(), collaborations: new Set<string>() };
  readonly referenced = { actors: new Set<string>(), areas: new Set<string>(), initiatives: new Set<string>() };
  /** Organisations named in registeredBy: they must not be citizens. */
  readonly registrars = new Set<string>();
  readonly citizens = new Set<string>();
  private readonly organisationNumbers = new Set<string>();
  private readonly relationKeys = new Set<string>();
  /**
   * A tie's pair and kind (as a number, see tieKey) → `since|until;since|until…`.
   * A million tie rows are a million keys: numbers rather than strings of two ids.
   */
  private readonly tiePeriods = new Map<number | string, string>();
  private readonly actorNumbers = new Map<string, number>();
  private readonly tieKindNumbers = new Map<string, number>();

  /** `first|second|kind` as one number while the file names fewer than 2^21 actors (exact: at most 2^46), else as text. */
  private tieKey(first: string, second: string, kind: string): number | string {
    const number = (map: Map<string, number>, key: string) => {
      let value = map.get(key);
      if (value === undefined) map.set(key, (value = map.size));
      return value;
    };
    const a = number(this.actorNumbers, first);
    const b = number(this.actorNumbers, second);
    const k = number(this.tieKindNumbers, kind);
    return a < 2 ** 21 && b < 2 ** 21 && k < 16 ? (a * 2 ** 21 + b) * 16 + k : `${first}|${second}|${kind}`;
  }

  /** Records the row's keys; reports duplicates and overlaps. Returns false when the row is a duplicate. */
  admit(record: ImportRecord, report: Report): boolean {
    switch (record.kind) {
      case 'actors':
        if (this.defined.actors.has(record.id)) return this.duplicate(report, record.idGiven ? 'id' : 'organisationNumber', record.idGiven ? record.id : (record.organisationNumber ?? ''), 'actor');
        if (record.organisationNumber !== null) {
          if (this.organisationNumbers.has(record.organisationNumber)) return this.duplicate(report, 'organisationNumber', record.organisationNumber, 'actor');
          this.organisationNumbers.add(record.organisationNumber);
        }
        this.defined.actors.add(record.id);
        if (record.actorKind === 'CITIZEN') this.citizens.add(record.id);
        if (record.registeredBy !== null) {
          this.referenced.actors.add(record.registeredBy);
          this.registrars.add(record.registeredBy);
        }
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
        this.referenced.actors.add(record.actorId);
        this.referenced.areas.add(record.areaId);
        return true;
      case 'participations':
        if (!this.uniqueRelation(`p|${record.actorId}|${record.initiativeId}|${record.role}`)) return this.duplicate(report, 'role', record.role, 'participation (same actor, initiative and role)');
        this.referenced.actors.add(record.actorId);
        this.referenced.initiatives.add(record.initiativeId);
        return true;
      case 'collaborations': {
        // Only ids the file gives are kept: a derived id repeats exactly when the pair, kind and start date do, which the periods show.
        if (record.idGiven && this.defined.collaborations.has(record.id)) return this.duplicate(report, 'id', record.id, 'tie');
        const pair = this.tieKey(record.firstId, record.secondId, record.tieKind);
        const until = record.until ?? '';
        const periods = this.tiePeriods.get(pair);
        if (periods) {
          for (const period of periods.split(';')) {
            const [since, end] = period.split('|');
            if (!record.idGiven && since === record.since) return this.duplicate(report, 'id', record.id, 'tie');
            if (overlaps(since, end, record.since, until)) {
              report('since', record.since, 'overlap', `overlaps another ${record.tieKind} tie between ${record.firstId} and ${record.secondId} earlier in the file (from ${since}${end ? ` to ${end}` : ', open'}). Two ties of one kind between one pair may not overlap in time: end the first before the second begins, merge them into one row, or give this one another kind.`);
              return false;
            }
          }
        }
        this.tiePeriods.set(pair, periods ? `${periods};${record.since}|${until}` : `${record.since}|${until}`);
        if (record.idGiven) this.defined.collaborations.add(record.id);
        this.referenced.actors.add(record.firstId);
        this.referenced.actors.add(record.secondId);
        if (record.initiativeId !== null) this.referenced.initiatives.add(record.initiativeId);
        return true;
      }
    }
  }

  /** Referenced ids the file does not define: they must already be in the database. */
  outside(kind: 'actors' | 'areas' | 'initiatives'): string[] {
    return [...this.referenced[kind]].filter((id) => !this.defined[kind].has(id));
  }

  /**
   * Drops the keys once the second pass is done: on a file of a million rows they
   * are most of the process's memory, and the write pass needs none of them.
   */
  release(): void {
    for (const set of [...Object.values(this.defined), ...Object.values(this.referenced), this.registrars, this.citizens, this.organisationNumbers, this.relationKeys]) set.clear();
    this.tiePeriods.clear();
    this.actorNumbers.clear();
    this.tieKindNumbers.clear();
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
