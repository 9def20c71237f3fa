import { decodeSpilled, encodeSpilled } from '../../../src/import/spillCodec';
import type { SpilledRecord } from '../../../src/import/records';

const tie = (over: Partial<Extract<SpilledRecord['record'], { kind: 'collaborations' }>> = {}): SpilledRecord['record'] => ({
  kind: 'collaborations',
  id: 'tie-1',
  idGiven: false,
  actorId: 'b-actor',
  partnerId: 'a-actor',
  firstId: 'a-actor',
  secondId: 'b-actor',
  tieKind: 'FUNDING',
  since: '2021-03-01',
  until: null,
  strength: 3,
  initiativeId: null,
  source: null,
  ...over,
});

describe('spill lines', () => {
  it('gives back a tie row as it was spilled, with and without a plan and stored ties', () => {
    const items: SpilledRecord[] = [
      { sheet: null, row: 2, record: tie() },
      { sheet: 'Samarbeten', row: 7, record: tie({ idGiven: true, until: '2022-01-31', initiativeId: 'init-1', source: 'enkät, "2021"\nrad två' }), plan: 'update' },
      {
        sheet: null,
        row: 9,
        record: tie({ actorId: 'a-actor', partnerId: 'b-actor' }),
        stored: { ends: ['a-actor', 'b-actor'], existing: { kind: 'FUNDING', since: '2021-03-01', strength: 2 }, overlapping: ['tie-0'] },
      },
    ];
    for (const item of items) expect(decodeSpilled(encodeSpilled(item))).toEqual(item);
  });

  it('writes a tie row as a positional array, much shorter than the object', () => {
    const item: SpilledRecord = { sheet: null, row: 2, record: tie(), plan: 'create' };
    const line = encodeSpilled(item);
    expect(line.startsWith('[')).toBe(true);
    expect(line.length).toBeLessThan(JSON.stringify(item).length / 2);
  });

  it('orders the ends as they are stored, from the smaller id to the larger', () => {
    const decoded = decodeSpilled(encodeSpilled({ sheet: null, row: 3, record: tie({ actorId: 'z', partnerId: 'y', firstId: 'y', secondId: 'z' }) }));
    expect(decoded.record).toMatchObject({ actorId: 'z', partnerId: 'y', firstId: 'y', secondId: 'z' });
  });

  it('keeps the other kinds as objects', () => {
    const item: SpilledRecord = { sheet: null, row: 4, record: { kind: 'memberships', actorId: 'a', areaId: 'area-1', since: '2020-01-01', until: null } };
    expect(encodeSpilled(item)).toBe(JSON.stringify(item));
    expect(decodeSpilled(encodeSpilled(item))).toEqual(item);
  });
});
