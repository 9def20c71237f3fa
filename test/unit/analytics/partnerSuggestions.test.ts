import { adamicAdar, candidates, partnerSuggestions } from '../../../src/analytics/measures/partnerSuggestions';
import { mixedGraph } from './sampleGraphs';

describe('partnerSuggestions', () => {
  const graph = mixedGraph();
  const a4 = graph.indexOf.get('a4') as number;
  const idsOf = (indices: Iterable<number>) => [...indices].map((index) => graph.actors[index].id).sort();

  it('takes candidates of other sectors that are not yet partners', () => {
    // a4 (CIVIL_SOCIETY) is tied to a3 (same sector) and a5.
    expect(idsOf(candidates(graph, a4))).toEqual(['a1', 'a2', 'a6', 'a7', 'a8', 'a9']);
  });

  it('computes Adamic–Adar as NetworkX does', () => {
    // nx.adamic_adar_index: (a4, a1) 0.7213475204444817 (via a3, degree 4); (a4, a2) and (a4, a6) 1.631586747071319 (a3 and a5, degree 3).
    const aa = adamicAdar(graph, a4);
    const of = (id: string) => aa.get(graph.indexOf.get(id) as number)?.index;
    expect(of('a1')).toBeCloseTo(0.7213475204444817, 12);
    expect(of('a2')).toBeCloseTo(1.631586747071319, 12);
    expect(of('a6')).toBeCloseTo(1.631586747071319, 12);
    expect(of('a9')).toBeUndefined();
  });

  it('adds shared areas, initiatives and SDGs, keeps scores above 0, best first, then by id', () => {
    const rows = partnerSuggestions(
      graph,
      a4,
      [
        { id: 'a1', areas: [], initiatives: ['Odla'], sdgs: [] },
        { id: 'a7', areas: ['Rosengård'], initiatives: [], sdgs: [] },
        { id: 'a8', areas: [], initiatives: [], sdgs: [11, 3] },
      ],
      10,
    );
    expect(rows.map((row) => [row.actorId, Number(row.score.toFixed(6))])).toEqual([
      ['a2', 1.631587],
      ['a6', 1.631587],
      ['a1', 1.471348],
      ['a7', 0.5],
      ['a8', 0.2],
    ]);
    expect(rows[0]).toEqual({
      actorId: 'a2',
      score: expect.closeTo(1.631586747071319, 12),
      adamicAdar: expect.closeTo(1.631586747071319, 12),
      sharedPartners: 2,
      sharedAreas: 0,
      sharedInitiatives: 0,
      sharedSdgs: 0,
      reasons: ['2 shared partners: Org a3, Org a5'],
    });
    expect(rows[2].reasons).toEqual(['1 shared partner: Org a3', '1 shared initiative: Odla']);
    expect(rows[3].reasons).toEqual(['active in 1 shared area: Rosengård']);
    expect(rows[4]).toMatchObject({ sharedSdgs: 2, reasons: ['works on 2 shared SDGs: SDG 3, SDG 11'] });
    expect(partnerSuggestions(graph, a4, [], 2).map((row) => row.actorId)).toEqual(['a2', 'a6']);
  });

  it('suggests nothing for an isolate without shared context', () => {
    expect(partnerSuggestions(graph, graph.indexOf.get('a7') as number, [], 10)).toEqual([]);
  });
});
