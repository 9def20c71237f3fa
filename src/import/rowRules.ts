import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { SECTOR_OF_KIND } from '../model';
import { parseOrganisationNumber } from '../validation/organisationNumber';
import { findPersonalIdentityNumber } from '../validation/personalIdentityNumber';
import { checkStoredString, kindOfField, STORED_TEXT_MAX_LENGTH } from '../validation/storedText';
import { idOrGenerate, website } from '../validation/inputs';
import { ACTOR_KINDS, AREA_LEVELS, COLLABORATION_KINDS, INITIATIVE_KINDS, PARTICIPATION_ROLES, parseYesNo, type Enum } from './vocabulary';
import type { ImportKind } from './kinds';
import { storedEnds, type ImportRecord } from './records';

/** Reports one problem of the row being checked. */
export type ReportProblem = (column: string | null, value: string | null, rule: string, message: string) => void;

/** The row's cells under their column keys; absent columns read as ''. */
export type Cells = Readonly<Record<string, string>>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Printable ASCII holds nothing the stored-text rule refuses but personal identity
// numbers (checked for every cell first) and length: most cells of a big file are
// such, and skip the full check.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Every form of a personal identity number has six digits in a row.
const SIX_DIGITS = /\d{6}/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `value` is YYYY-MM-DD naming a day of the Gregorian calendar, year 0100
 * or later (what a Date built from it and printed again gives back). Counted
 * rather than built: two dates per tie row, a Date and its ISO string each, were
 * a noticeable share of a large file's first pass.
 */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

class RowReader {
  ok = true;
  constructor(
    private readonly cells: Cells,
    private readonly report: ReportProblem,
  ) {}

  fail(column: string, rule: string, message: string): null {
    this.ok = false;
    this.report(column, this.cells[column] ?? '', rule, message);
    return null;
  }

  /** The cell as stored text (the service's one rule for stored strings), or null when empty. */
  text(column: string, required = false): string | null {
    const raw = this.cells[column] ?? '';
    if (raw === '') return required ? this.fail(column, 'required', `is required: fill in ${column}.`) : null;
    const kind = kindOfField(column);
    if (PRINTABLE_ASCII.test(raw) && raw.length <= STORED_TEXT_MAX_LENGTH[kind]) return raw.trim();
    try {
      return checkStoredString(raw, column, kind);
    } catch (error) {
      return this.fail(column, 'text', error instanceof GraphQLError ? error.message : String(error));
    }
  }

  id(column: string, required = false): string | null {
    const value = this.text(column, required);
    if (value === null) return null;
    try {
      return idOrGenerate(value, 'unused', column);
    } catch (error) {
      return this.fail(column, 'id', (error as Error).message);
    }
  }

  ids(column: string): string[] {
    const value = this.text(column);
    if (value === null) return [];
    const ids = value.split(/[|;,]/).map((part) => part.trim()).filter(Boolean);
    for (const id of ids) {
      try {
        idOrGenerate(id, 'unused', column);
      } catch (error) {
        this.fail(column, 'id', (error as Error).message);
        return [];
      }
    }
    return [...new Set(ids)];
  }

  choice<T extends string>(column: string, vocabulary: Enum<T>, required = true): T | null {
    const value = this.text(column, required);
    if (value === null) return null;
    return vocabulary.parse(value) ?? this.fail(column, 'enum', `is not one of ${vocabulary.describe()}; write one of them, in English or Swedish.`);
  }

  date(column: string, required = false): string | null {
    const value = this.text(column, required);
    if (value === null) return null;
    if (!isCalendarDate(value)) return this.fail(column, 'date', 'is not a date: write it as YYYY-MM-DD, e.g. 2024-03-01.');
    return value;
  }

  period(sinceColumn: string, untilColumn: string, sinceRequired = true): { since: string | null; until: string | null } {
    const since = this.date(sinceColumn, sinceRequired);
    const until = this.date(untilColumn);
    if (since && until && until < since) this.fail(untilColumn, 'period', `(${until}) is before ${sinceColumn} (${since}); the last day cannot come before the first.`);
    return { since, until };
  }

  integer(column: string, min: number, max: number, required: boolean): number | null {
    const value = this.text(column, required);
    if (value === null) return null;
    const number = Number(value.replace(',', '.'));
    if (!Number.isInteger(number) || number < min || number > max) return this.fail(column, 'range', `must be a whole number from ${min} to ${max}.`);
    return number;
  }

  website(column: string): string | null {
    const value = this.text(column);
    if (value === null) return null;
    try {
      return website(value, column) ?? null;
    } catch (error) {
      return this.fail(column, 'website', (error as Error).message);
    }
  }
}

/** A key for a record without an id of its own, stable across runs of the same file. */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20)}`;
}

/** Refuses personal identity numbers in any cell, also in columns the kind does not know. */
export function refusePersonalIdentityNumbers(cells: Readonly<Record<string, string>>, report: ReportProblem): boolean {
  let clean = true;
  for (const [column, value] of Object.entries(cells)) {
    if (value && SIX_DIGITS.test(value) && findPersonalIdentityNumber(value)) {
      clean = false;
      report(column, value, 'personalIdentityNumber', 'holds what looks like a personal identity number. Samverkan never stores them: remove it, and use a pseudonymous id or a display name instead.');
    }
  }
  return clean;
}

function actor(r: RowReader): ImportRecord | null {
  const kind = r.choice('kind', ACTOR_KINDS);
  const id = r.id('id');
  const isCitizen = kind === 'CITIZEN';
  const name = r.text('name', kind !== null && !isCitizen);
  const numberText = r.text('organisationNumber');
  let organisationNumber: string | null = null;
  if (numberText !== null) {
    if (isCitizen) r.fail('organisationNumber', 'citizen', 'is for organisations; a citizen has none. Leave it empty.');
    else {
      try {
        organisationNumber = parseOrganisationNumber(numberText, 'organisationNumber');
      } catch (error) {
        r.fail('organisationNumber', 'organisationNumber', (error as Error).message);
      }
    }
  }
  if (id === null && organisationNumber === null && r.ok) r.fail('id', 'required', 'is required unless organisationNumber is given (the actor is then matched by its organisation number).');
  const description = r.text('description');
  const site = r.website('website');
  const registeredBy = r.id('registeredBy');
  const consentText = r.text('consentGiven');
  const consentGiven = consentText === null ? null : parseYesNo(consentText);
  if (consentText !== null && consentGiven === null) r.fail('consentGiven', 'enum', 'must be yes or no (ja/nej).');
  const consentDate = r.date('consentDate');
  const consentPurpose = r.text('consentPurpose');
  if (isCitizen) {
    if (consentGiven !== true) r.fail('consentGiven', 'consent', 'must be yes (ja) for a citizen: Samverkan records no citizen without consent. Record that the person agreed, when and to what.');
    if (consentPurpose === null) r.fail('consentPurpose', 'consent', 'is required for a citizen: say what the person agreed to.');
    if (consentDate === null) r.fail('consentDate', 'consent', 'is required for a citizen: the date the person agreed (YYYY-MM-DD).');
    else if (consentDate > new Date().toISOString().slice(0, 10)) r.fail('consentDate', 'consent', 'is in the future; give the date the person agreed.');
  } else if (kind !== null) {
    if (registeredBy !== null) r.fail('registeredBy', 'citizen', 'is for citizens only; leave it empty for organisations.');
    if (consentText !== null || consentPurpose !== null || consentDate !== null) r.fail(consentText !== null ? 'consentGiven' : consentPurpose !== null ? 'consentPurpose' : 'consentDate', 'citizen', 'consent is for citizens only; leave the consent columns empty for organisations.');
  }
  if (!r.ok || kind === null) return null;
  return {
    kind: 'actors',
    id: id ?? `org-${(organisationNumber as string).replace('-', '')}`,
    idGiven: id !== null,
    actorKind: kind,
    sector: SECTOR_OF_KIND[kind],
    name,
    organisationNumber,
    description,
    website: site,
    registeredBy: isCitizen ? registeredBy : null,
    consentGiven: isCitizen ? true : null,
    consentDate: isCitizen ? consentDate : null,
    consentPurpose: isCitizen ? consentPurpose : null,
  };
}

function area(r: RowReader): ImportRecord | null {
  const id = r.id('id', true);
  const name = r.text('name', true);
  const level = r.choice('level', AREA_LEVELS);
  const parentId = r.id('parentId');
  if (id !== null && parentId === id) r.fail('parentId', 'selfReference', 'names the area itself; an area cannot be part of itself.');
  if (!r.ok || id === null || name === null || level === null) return null;
  return { kind: 'areas', id, name, level, parentId };
}

function initiative(r: RowReader): ImportRecord | null {
  const id = r.id('id', true);
  const name = r.text('name', true);
  const kind = r.choice('kind', INITIATIVE_KINDS);
  const description = r.text('description');
  const site = r.website('website');
  const { since: startDate, until: endDate } = r.period('startDate', 'endDate');
  const sdgText = r.text('sdgs');
  const sdgs = sdgText === null ? [] : sdgText.split(/[|;,\s]+/).filter(Boolean).map(Number);
  if (sdgs.some((sdg) => !Number.isInteger(sdg) || sdg < 1 || sdg > 17)) r.fail('sdgs', 'range', 'must list goal numbers from 1 to 17, separated by | (e.g. 11|17).');
  const areaIds = r.ids('areaIds');
  if (!r.ok || id === null || name === null || kind === null || startDate === null) return null;
  return { kind: 'initiatives', id, name, initiativeKind: kind, description, website: site, startDate, endDate, sdgs: [...new Set(sdgs)], areaIds };
}

function membershipRow(r: RowReader): ImportRecord | null {
  const actorId = r.id('actorId', true);
  const areaId = r.id('areaId', true);
  const { since, until } = r.period('since', 'until');
  if (!r.ok || actorId === null || areaId === null || since === null) return null;
  return { kind: 'memberships', actorId, areaId, since, until };
}

function participation(r: RowReader): ImportRecord | null {
  const actorId = r.id('actorId', true);
  const initiativeId = r.id('initiativeId', true);
  const role = r.choice('role', PARTICIPATION_ROLES);
  const { since, until } = r.period('since', 'until');
  if (!r.ok || actorId === null || initiativeId === null || role === null || since === null) return null;
  return { kind: 'participations', actorId, initiativeId, role, since, until };
}

function collaboration(r: RowReader): ImportRecord | null {
  const id = r.id('id');
  const actorId = r.id('actorId', true);
  const partnerId = r.id('partnerId', true);
  const kind = r.choice('kind', COLLABORATION_KINDS);
  const { since, until } = r.period('since', 'until');
  const strength = r.integer('strength', 1, 5, true);
  const initiativeId = r.id('initiativeId');
  const source = r.text('source');
  if (actorId !== null && actorId === partnerId) r.fail('partnerId', 'selfTie', 'is the same actor as actorId; a tie joins two different actors.');
  if (!r.ok || actorId === null || partnerId === null || kind === null || since === null || strength === null) return null;
  const [firstId, secondId] = storedEnds(actorId, partnerId);
  return { kind: 'collaborations', id: id ?? stableId('tie', firstId, secondId, kind, since), idGiven: id !== null, actorId, partnerId, firstId, secondId, tieKind: kind, since, until, strength, initiativeId, source };
}

const RULES: Readonly<Record<ImportKind, (r: RowReader) => ImportRecord | null>> = {
  actors: actor,
  areas: area,
  initiatives: initiative,
  memberships: membershipRow,
  participations: participation,
  collaborations: collaboration,
};

/** Checks one row of a kind: the normalised record, or null after reporting every problem found. */
export function checkRow(kind: ImportKind, cells: Cells, report: ReportProblem): ImportRecord | null {
  const reader = new RowReader(cells, report);
  const record = RULES[kind](reader);
  return reader.ok ? record : null;
}
