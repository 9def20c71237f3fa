import { CollaborationIndex, dayNumber, type IndexRows } from '../../../src/analytics/collaborationIndex/collaborationIndex';
import { dateNetworkOf } from '../../../src/analytics/collaborationIndex/dateNetwork';
import { parseScope } from '../../../src/analytics/scope';

/** The day's network: each actor's distinct partners on a date, ascending, kept with its index. */

const day = (date: string) => dayNumber(date);
const rows = {
  actors: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, sector: 'CIVIL_SOCIETY', name: id.toUpperCase() })),
  areas: [{ id: 'city', name: 'City', parentIds: [] }],
  memberships: [],
  ties: [
    // Two parallel ties a–c: one partner.
    { source: 'a', target: 'c', kind: 'PARTNERSHIP', strength: 3, since: day('2019-01-01'), until: null },
    { source: 'a', target: 'c', kind: 'FUNDING', strength: 1, since: day('2019-01-01'), until: null },
    // Ended before 2021.
    { source: 'a', target: 'b', kind: 'PARTNERSHIP', strength: 5, since: day('2018-01-01'), until: day('2020-12-31') },
    { source: 'd', target: 'a', kind: 'PARTNERSHIP', strength: 2, since: day('2020-06-01'), until: null },
    { source: 'c', target: 'e', kind: 'FUNDING', strength: 4, since: day('2021-01-01'), until: null },
  ],
} as unknown as IndexRows;

function partnersOf(index: CollaborationIndex, asOf: string, extra: Record<string, unknown> = {}): Record<string, string[]> {
  const network = dateNetworkOf(index, index.filterOf(parseScope({ asOf, ...extra }, new Date())));
  return Object.fromEntries(
    index.actorIds.map((id, actor) => [id, Array.from(network.partner.subarray(network.start[actor], network.start[actor + 1]), (p) => index.actorIds[p])]),
  );
}

describe('the network of a day', () => {
  const index = new CollaborationIndex('v1', rows);

  it('lists each partner once, ascending, through the ties active that day', () => {
    expect(partnersOf(index, '2020-07-01')).toEqual({ a: ['b', 'c', 'd'], b: ['a'], c: ['a'], d: ['a'], e: [] });
    expect(partnersOf(index, '2021-06-30')).toEqual({ a: ['c', 'd'], b: [], c: ['a', 'e'], d: ['a'], e: ['c'] });
    expect(partnersOf(index, '2018-06-30')).toEqual({ a: ['b'], b: ['a'], c: [], d: [], e: [] });
  });

  it('applies the minimum strength and the kinds', () => {
    expect(partnersOf(index, '2021-06-30', { minStrength: 3 })).toEqual({ a: ['c'], b: [], c: ['a', 'e'], d: [], e: ['c'] });
    expect(partnersOf(index, '2021-06-30', { kinds: ['FUNDING'] })).toEqual({ a: ['c'], b: [], c: ['a', 'e'], d: [], e: ['c'] });
  });

  it('is kept for the same day and filter, and made anew for another index or once enough other days were asked', () => {
    const filter = index.filterOf(parseScope({ asOf: '2021-06-30' }, new Date()));
    const first = dateNetworkOf(index, filter);
    expect(dateNetworkOf(index, { ...filter })).toBe(first);
    const other = new CollaborationIndex('v2', rows);
    expect(dateNetworkOf(other, filter)).not.toBe(first);
    for (const asOf of ['2015-01-01', '2016-01-01', '2017-01-01', '2018-01-01']) partnersOf(index, asOf);
    const rebuilt = dateNetworkOf(index, filter);
    expect(rebuilt).not.toBe(first);
    expect(rebuilt).toEqual(first);
  });
});
