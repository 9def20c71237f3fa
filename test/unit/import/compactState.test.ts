import { dateOf, dayOf, OPEN, TiePeriods } from '../../../src/import/tiePeriods';
import { FileState } from '../../../src/import/fileState';
import { readAhead } from '../../../src/import/writeBatches';
import type { ImportRecord } from '../../../src/import/records';

const tie = (first: string, second: string, since: string, until: string | null, kind: 'FUNDING' | 'PARTNERSHIP' = 'FUNDING'): ImportRecord => ({
  kind: 'collaborations', id: `tie-${first}-${second}-${kind}-${since}`, idGiven: false, actorId: first, partnerId: second, firstId: first, secondId: second,
  tieKind: kind, since, until, strength: 2, initiativeId: null, source: null,
});

describe('import: the first pass\'s compact state', () => {
  it('turns dates into day numbers and back', () => {
    for (const date of ['1970-01-01', '2000-02-29', '2024-12-31', '1899-06-15']) expect(dateOf(dayOf(date))).toBe(date);
    expect(dayOf('1970-01-02') - dayOf('1970-01-01')).toBe(1);
    expect(dayOf('2100-01-01')).toBeLessThan(OPEN);
  });

  it('keeps every period of many keys through the table\'s growth, and finds the earliest that matches', () => {
    const periods = new TiePeriods();
    for (let key = 0; key < 5000; key++) {
      periods.add(key * 2 ** 30 + 7, key, key + 10);
      periods.add(key * 2 ** 30 + 7, key + 100, OPEN);
    }
    expect(periods.size).toBe(10_000);
    expect(periods.find(4321 * 2 ** 30 + 7, () => true)).toEqual({ since: 4321, until: 4331 });
    expect(periods.find(4321 * 2 ** 30 + 7, (p) => p.until === OPEN)).toEqual({ since: 4421, until: OPEN });
    expect(periods.find(4321 * 2 ** 30 + 8, () => true)).toBeNull();
    expect(periods.find(-3, () => true)).toBeNull();
    periods.clear();
    expect(periods.find(4321 * 2 ** 30 + 7, () => true)).toBeNull();
  });

  it('finds duplicates and overlaps among thirty thousand ties, names the earlier period, and tells kinds and pairs apart', () => {
    const state = new FileState();
    const messages: string[] = [];
    const report = (_column: string, _value: string, rule: string, message: string) => messages.push(`${rule}: ${message}`);
    const actor = (i: number) => `a${String(i).padStart(5, '0')}`;
    for (let i = 0; i < 30_000; i++) expect(state.admit(tie(actor(i % 1000), actor(1000 + Math.floor(i / 1000)), '2020-01-01', '2020-06-30'), report)).toBe(true);
    expect(messages).toEqual([]);
    // Same pair and kind: a later period is fine, an overlapping one and a repeated start are not.
    expect(state.admit(tie('a00007', 'a01003', '2020-07-01', null), report)).toBe(true);
    expect(state.admit(tie('a00007', 'a01003', '2020-06-30', '2020-06-30'), report)).toBe(false);
    expect(state.admit(tie('a00007', 'a01003', '2020-07-01', null), report)).toBe(false);
    // Another kind, or another pair, does not meet those periods.
    expect(state.admit(tie('a00007', 'a01003', '2020-03-01', null, 'PARTNERSHIP'), report)).toBe(true);
    expect(state.admit(tie('a00007', 'a01004', '2021-03-01', null), report)).toBe(true);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^overlap: .*from 2020-01-01 to 2020-06-30\)/);
    expect(messages[1]).toMatch(/^duplicate: /);
    expect(state.outside('actors')).toHaveLength(1030);
  });

  it('remembers which actors the file defines and which are citizens, and what is outside, until released', () => {
    const state = new FileState();
    const report = () => undefined;
    const actor = (id: string, citizen: boolean, registeredBy: string | null): ImportRecord => ({
      kind: 'actors', id, idGiven: true, actorKind: citizen ? 'CITIZEN' : 'COMPANY', sector: citizen ? 'CIVIL_SOCIETY' : 'BUSINESS', name: id, organisationNumber: null,
      description: null, website: null, registeredBy, consentGiven: null, consentDate: null, consentPurpose: null,
    } as ImportRecord);
    expect(state.admit(actor('org', false, null), report)).toBe(true);
    expect(state.admit(actor('person', true, 'elsewhere'), report)).toBe(true);
    expect(state.admit(tie('org', 'stored', '2020-01-01', null), report)).toBe(true);
    state.releaseFileChecks();
    expect([state.definesActor('org'), state.isCitizen('org'), state.definesActor('person'), state.isCitizen('person'), state.definesActor('stored')]).toEqual([true, false, true, true, false]);
    expect(state.outside('actors').sort()).toEqual(['elsewhere', 'stored']);
    state.release();
    expect(state.definesActor('org')).toBe(false);
  });
});

describe('import: readAhead', () => {
  it('asks for the next item while the caller works on the current one, and yields all in order', async () => {
    const log: string[] = [];
    async function* source() {
      for (let i = 0; i < 3; i++) {
        log.push(`read ${i}`);
        await Promise.resolve();
        yield i;
      }
    }
    const seen: number[] = [];
    for await (const item of readAhead(source())) {
      log.push(`use ${item}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(item);
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(log.indexOf('read 1')).toBeLessThan(log.indexOf('use 0') + 2);
    expect(log.indexOf('read 1')).toBeLessThan(log.indexOf('use 1'));
  });

  it('closes its source when the caller stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    for await (const item of readAhead(source())) if (item === 2) break;
    expect(closed).toBe(true);
  });
});
