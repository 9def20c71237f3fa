import { CollaborationIndex } from '../../../src/analytics/collaborationIndex/collaborationIndex';
import type { IndexRows } from '../../../src/analytics/collaborationIndex/indexColumns';
import { indexTieChanges } from '../../../src/reports/indexTieChanges';

/**
 * District d with sub-area s; actors:
 * - p1 (PUBLIC) in d throughout; c1 (CIVIL_SOCIETY) in s throughout;
 * - b1 (PRIVATE) in s only until 2022-07-10 (still in the Q3 scope: active at some time in it);
 * - a1 (ACADEMIA) in s only from 2022-10-01 (outside Q3);
 * - q1 (PUBLIC) outside the district; p2 (PUBLIC) in d.
 */
const ROWS: IndexRows = {
  actors: [
    { id: 'a1', sector: 'ACADEMIA', name: 'A' },
    { id: 'b1', sector: 'PRIVATE', name: 'B' },
    { id: 'c1', sector: 'CIVIL_SOCIETY', name: 'C' },
    { id: 'p1', sector: 'PUBLIC', name: 'P' },
    { id: 'p2', sector: 'PUBLIC', name: 'P2' },
    { id: 'q1', sector: 'PUBLIC', name: 'Q' },
  ],
  areas: [
    { id: 'd', name: 'District', parentIds: [] },
    { id: 's', name: 'Sub-area', parentIds: ['d'] },
    { id: 'o', name: 'Elsewhere', parentIds: [] },
  ],
  memberships: [
    { actorId: 'p1', areaId: 'd', since: 20200101, until: null },
    { actorId: 'p2', areaId: 'd', since: 20200101, until: null },
    { actorId: 'c1', areaId: 's', since: 20200101, until: null },
    { actorId: 'b1', areaId: 's', since: 20200101, until: 20220710 },
    { actorId: 'a1', areaId: 's', since: 20221001, until: null },
    { actorId: 'q1', areaId: 'o', since: 20200101, until: null },
  ],
  ties: [
    // Stored from the smaller id to the larger, as the database holds them.
    { source: 'c1', target: 'p1', kind: 'PARTNERSHIP', strength: 3, since: 20220815, until: null }, // opened in Q3
    { source: 'b1', target: 'p1', kind: 'FUNDING', strength: 2, since: 20210101, until: 20220705 }, // ended in Q3
    { source: 'b1', target: 'c1', kind: 'SERVICE', strength: 2, since: 20220701, until: 20220930 }, // both in Q3
    { source: 'p1', target: 'p2', kind: 'PARTNERSHIP', strength: 2, since: 20220801, until: null }, // one sector: left out
    { source: 'c1', target: 'q1', kind: 'PARTNERSHIP', strength: 2, since: 20220801, until: null }, // q1 outside the district
    { source: 'a1', target: 'p1', kind: 'PARTNERSHIP', strength: 2, since: 20220901, until: null }, // a1 not yet in the district
    { source: 'c1', target: 'p1', kind: 'CO_CREATION', strength: 1, since: 20220630, until: 20221001 }, // outside Q3 at both ends
    { source: 'c1', target: 'p1', kind: 'FUNDING', strength: 1, since: null, until: null }, // no dates: never changes
  ],
};
const Q3 = { start: '2022-07-01', end: '2022-09-30' };
const index = new CollaborationIndex('v1', ROWS);
const brief = (rows: ReturnType<typeof indexTieChanges>) => rows.map((row) => `${row.change} ${row.date} ${row.kind} ${row.sourceId}-${row.targetId}`);

describe('indexTieChanges', () => {
  it('lists the cross-sector ties of the district that opened or ended in the period, opened first, then by date and ids', () => {
    expect(brief(indexTieChanges(index, 'd', Q3))).toEqual([
      'OPENED 2022-07-01 SERVICE b1-c1',
      'OPENED 2022-08-15 PARTNERSHIP c1-p1',
      'ENDED 2022-07-05 FUNDING b1-p1',
      'ENDED 2022-09-30 SERVICE b1-c1',
    ]);
  });

  it('names sectors of both ends', () => {
    const [first] = indexTieChanges(index, 'd', Q3);
    expect(first).toEqual({ change: 'OPENED', date: '2022-07-01', kind: 'SERVICE', sourceId: 'b1', sourceSector: 'PRIVATE', targetId: 'c1', targetSector: 'CIVIL_SOCIETY' });
  });

  it('takes every actor for the whole city, and only the sub-area for a sub-area', () => {
    expect(brief(indexTieChanges(index, null, Q3))).toEqual([
      'OPENED 2022-07-01 SERVICE b1-c1',
      'OPENED 2022-08-01 PARTNERSHIP c1-q1',
      'OPENED 2022-08-15 PARTNERSHIP c1-p1',
      'OPENED 2022-09-01 PARTNERSHIP a1-p1',
      'ENDED 2022-07-05 FUNDING b1-p1',
      'ENDED 2022-09-30 SERVICE b1-c1',
    ]);
    expect(brief(indexTieChanges(index, 's', Q3))).toEqual(['OPENED 2022-07-01 SERVICE b1-c1', 'ENDED 2022-09-30 SERVICE b1-c1']);
  });

  it('is empty for an area without members or a period without changes', () => {
    expect(indexTieChanges(index, 'o', Q3)).toEqual([]);
    expect(indexTieChanges(index, 'd', { start: '2019-01-01', end: '2019-03-31' })).toEqual([]);
  });
});
