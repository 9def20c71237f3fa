import { checkRow, isCalendarDate, refusePersonalIdentityNumbers, stableId } from '../../../src/import/rowRules';
import { FileState } from '../../../src/import/fileState';
import type { ImportKind } from '../../../src/import/kinds';

function check(kind: ImportKind, cells: Record<string, string>) {
  const problems: Array<[string | null, string]> = [];
  const record = checkRow(kind, cells, (column, _value, rule) => problems.push([column, rule]));
  return { record, problems };
}

describe('import row rules', () => {
  it('normalises a valid tie: ends ordered, a stable id when none is given, source left to the store', () => {
    const { record, problems } = check('collaborations', { actorId: 'b', partnerId: 'a', kind: 'samarbete', since: '2024-01-01', strength: '3' });
    expect(problems).toEqual([]);
    expect(record).toMatchObject({ firstId: 'a', secondId: 'b', actorId: 'b', partnerId: 'a', tieKind: 'PARTNERSHIP', strength: 3, source: null });
    expect(record && 'id' in record ? record.id : null).toBe(stableId('tie', 'a', 'b', 'PARTNERSHIP', '2024-01-01'));
  });

  it('reports every problem of a row, by column', () => {
    const { record, problems } = check('collaborations', { actorId: 'a', partnerId: 'a', kind: 'hug', since: '2024-13-01', strength: '9' });
    expect(record).toBeNull();
    expect(problems).toEqual([['kind', 'enum'], ['since', 'date'], ['strength', 'range'], ['partnerId', 'selfTie']]);
  });

  it('derives an organisation\'s id from its organisation number and checks the number', () => {
    expect(check('actors', { kind: 'företag', name: 'X AB', organisationNumber: '8020024280' }).record).toMatchObject({ id: 'org-8020024280', idGiven: false, organisationNumber: '802002-4280' });
    expect(check('actors', { kind: 'företag', name: 'X AB', organisationNumber: '802002-4281' }).problems).toEqual([['organisationNumber', 'organisationNumber']]);
    expect(check('actors', { kind: 'företag', name: 'X AB' }).problems).toEqual([['id', 'required']]);
  });

  it('asks consent of citizens and keeps consent off organisations', () => {
    expect(check('actors', { id: 'c1', kind: 'medborgare', registeredBy: 'o', consentGiven: 'ja', consentDate: '2024-01-01', consentPurpose: 'kartläggning' }).problems).toEqual([]);
    expect(check('actors', { id: 'c1', kind: 'medborgare', consentGiven: 'nej' }).problems.map(([, rule]) => rule)).toEqual(['consent', 'consent', 'consent']);
    expect(check('actors', { id: 'o1', kind: 'COMPANY', name: 'O', consentGiven: 'ja' }).problems).toEqual([['consentGiven', 'citizen']]);
  });

  it('refuses control characters through the stored-text rule, and personal identity numbers in any column', () => {
    expect(check('areas', { id: 'a', name: 'Bad\u202ename', level: 'stad' }).problems).toEqual([['name', 'text']]);
    const found: string[] = [];
    expect(refusePersonalIdentityNumbers({ note: 'ring 811218-9876', id: 'x' }, (column) => found.push(String(column)))).toBe(false);
    expect(found).toEqual(['note']);
    expect(refusePersonalIdentityNumbers({ organisationNumber: '802002-4280' }, () => undefined)).toBe(true);
  });

  it('finds duplicates and overlapping ties within a file from compact keys', () => {
    const state = new FileState();
    const rules: string[] = [];
    const report = (_c: string, _v: string, rule: string) => rules.push(rule);
    const tie = (since: string, until: string | null, id: string) => ({ kind: 'collaborations' as const, id, idGiven: true, actorId: 'a', partnerId: 'b', firstId: 'a', secondId: 'b', tieKind: 'FUNDING' as const, since, until, strength: 2, initiativeId: null, source: null });
    expect(state.admit(tie('2020-01-01', '2020-12-31', 't1'), report)).toBe(true);
    expect(state.admit(tie('2021-01-01', null, 't2'), report)).toBe(true);
    expect(state.admit(tie('2021-06-01', null, 't3'), report)).toBe(false);
    expect(state.admit(tie('2019-01-01', '2019-02-01', 't1'), report)).toBe(false);
    expect(rules).toEqual(['overlap', 'duplicate']);
    // A derived id (no id column) is not kept: its repeat shows as the same pair, kind and start date.
    const derived = { ...tie('2030-01-01', '2030-02-01', 'tie-derived'), tieKind: 'PARTNERSHIP' as const, idGiven: false };
    expect(state.admit(derived, report)).toBe(true);
    expect(state.admit(derived, report)).toBe(false);
    expect(rules).toEqual(['overlap', 'duplicate', 'duplicate']);
    expect(state.outside('actors').sort()).toEqual(['a', 'b']);
  });
});

describe('isCalendarDate', () => {
  it('takes the days of the Gregorian calendar and nothing else', () => {
    for (const day of ['2024-02-29', '2000-02-29', '2023-12-31', '0100-01-01', '9999-12-31']) expect(isCalendarDate(day)).toBe(true);
    for (const day of ['2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '0099-12-31', '2023-1-01', '2023-01-01 ', '']) expect(isCalendarDate(day)).toBe(false);
  });

  it('agrees with a Date built from the text and printed back, over whole years', () => {
    for (const year of [1999, 2000, 2023, 2024]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(isCalendarDate(text)).toBe(new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === text);
        }
      }
    }
  });
});
