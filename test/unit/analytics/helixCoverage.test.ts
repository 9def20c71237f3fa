import type { Sector } from '../../../src/model';
import { helixCoverage } from '../../../src/analytics/measures/helixCoverage';
import { MIXED_PAIRS, MIXED_SECTORS } from './sampleGraphs';

const members = (...ids: string[]) => ids.map((id) => ({ id, sector: MIXED_SECTORS[id] as Sector }));
const pairs = MIXED_PAIRS.map(([source, target]) => ({ source, target }));

describe('helixCoverage', () => {
  const rows = helixCoverage(
    [
      { id: 'city', name: 'Malmö', members: members('a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9') },
      { id: 'south', name: 'Söder', members: members('a5', 'a6', 'a8', 'a9') },
      { id: 'north', name: 'Norr', members: members('a1', 'a2', 'a3', 'a4') },
      { id: 'empty', name: 'Tomt', members: [] },
      { id: 'mono', name: 'Ett', members: members('a8') },
    ],
    pairs,
  );
  const of = (id: string) => rows.find((row) => row.areaId === id);

  it('ranks by coverage, then connected pairs, then name; areas without two sectors last', () => {
    expect(rows.map((row) => [row.rank, row.areaId, row.coverage])).toEqual([
      [1, 'north', 1],
      [2, 'south', 1],
      [3, 'city', 0.5],
      [4, 'mono', null],
      [5, 'empty', null],
    ]);
  });

  it('counts only ties with both ends in the area', () => {
    // a3–a6 and a4–a5 join north to south: they connect sectors in the city only.
    expect(of('north')).toMatchObject({
      sectorsPresent: ['CITIZEN', 'CIVIL_SOCIETY'],
      connectedPairs: [{ sectorA: 'CITIZEN', sectorB: 'CIVIL_SOCIETY' }],
      missingPairs: [],
    });
    expect(of('south')).toMatchObject({ sectorsPresent: ['PRIVATE', 'PUBLIC'], connectedPairs: [{ sectorA: 'PRIVATE', sectorB: 'PUBLIC' }] });
    const city = of('city');
    expect(city?.sectorsPresent).toHaveLength(5);
    expect(city?.connectedPairs).toEqual([
      { sectorA: 'CITIZEN', sectorB: 'CIVIL_SOCIETY' },
      { sectorA: 'CITIZEN', sectorB: 'PRIVATE' },
      { sectorA: 'CIVIL_SOCIETY', sectorB: 'PRIVATE' },
      { sectorA: 'CIVIL_SOCIETY', sectorB: 'PUBLIC' },
      { sectorA: 'PRIVATE', sectorB: 'PUBLIC' },
    ]);
    expect(city?.missingPairs).toEqual([
      { sectorA: 'CITIZEN', sectorB: 'PUBLIC' },
      { sectorA: 'CITIZEN', sectorB: 'ACADEMIA' },
      { sectorA: 'CIVIL_SOCIETY', sectorB: 'ACADEMIA' },
      { sectorA: 'PRIVATE', sectorB: 'ACADEMIA' },
      { sectorA: 'PUBLIC', sectorB: 'ACADEMIA' },
    ]);
  });

  it('gives a single-sector and an empty area no pairs and no coverage', () => {
    expect(of('mono')).toMatchObject({ sectorsPresent: ['PUBLIC'], connectedPairs: [], missingPairs: [], coverage: null });
    expect(of('empty')).toMatchObject({ sectorsPresent: [], connectedPairs: [], missingPairs: [], coverage: null });
  });
});
