import { crossSectorTies, rowsAfter, tieKey } from '../../../src/analytics/measures/crossSectorTies';
import type { ScopePair } from '../../../src/analytics/scopeGraph';
import { mixedGraph } from './sampleGraphs';

describe('crossSectorTies', () => {
  it('keeps pairs of different sectors, ordered by (source, target)', () => {
    const rows = crossSectorTies(mixedGraph().pairs);
    expect(rows.map(tieKey)).toEqual(['a1|a3', 'a2|a3', 'a2|a5', 'a3|a6', 'a4|a5', 'a5|a6', 'a8|a9']);
    expect(rows[0]).toEqual({ source: 'a1', target: 'a3', sourceSector: 'CITIZEN', targetSector: 'CIVIL_SOCIETY', strength: 3, kinds: ['PARTNERSHIP'] });
  });

  it('turns a pair listed from the larger id (TOUCHING) round, with its sectors and sorted kinds', () => {
    const pair: ScopePair = {
      source: 'zeta', target: 'alpha', sourceSector: 'PUBLIC', targetSector: 'PRIVATE',
      sourceName: 'Zeta', targetName: 'Alpha', strength: 4, kinds: ['SERVICE', 'FUNDING'], ties: 2,
    };
    expect(crossSectorTies([pair])).toEqual([{ source: 'alpha', target: 'zeta', sourceSector: 'PRIVATE', targetSector: 'PUBLIC', strength: 4, kinds: ['FUNDING', 'SERVICE'] }]);
  });

  it('pages by key', () => {
    const rows = crossSectorTies(mixedGraph().pairs);
    expect(rowsAfter(rows, null, 3).map(tieKey)).toEqual(['a1|a3', 'a2|a3', 'a2|a5']);
    expect(rowsAfter(rows, 'a2|a5', 3).map(tieKey)).toEqual(['a3|a6', 'a4|a5', 'a5|a6']);
    expect(rowsAfter(rows, 'a5|a6', 3).map(tieKey)).toEqual(['a8|a9']);
    // A key that is no longer in the list still starts after where it would be.
    expect(rowsAfter(rows, 'a2|a4', 2).map(tieKey)).toEqual(['a2|a5', 'a3|a6']);
    expect(rowsAfter(rows, 'a8|a9', 3)).toEqual([]);
  });
});
