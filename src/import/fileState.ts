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
  /** `first|second|kind` → `since|until;since|until…` */
  private readonly tiePeriods = new Map<string, string>();

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
        if (this.defined.collaborations.has(record.id)) return this.duplicate(report, 'id', record.id, 'tie');
        const pair = `${record.firstId}|${record.secondId}|${record.tieKind}`;
        const until = record.until ?? '';
        const periods = this.tiePeriods.get(pair);
        if (periods) {
          for (const period of periods.split(';')) {
            const [since, end] = period.split('|');
            if (overlaps(since, end, record.since, until)) {
              report('since', record.since, 'overlap', `overlaps another ${record.tieKind} tie between ${record.firstId} and ${record.secondId} earlier in the file (from ${since}${end ? ` to ${end}` : ', open'}). Two ties of one kind between one pair may not overlap in time: end the first before the second begins, merge them into one row, or give this one another kind.`);
              return false;
            }
          }
        }
        this.tiePeriods.set(pair, periods ? `${periods};${record.since}|${until}` : `${record.since}|${until}`);
        this.defined.collaborations.add(record.id);
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
