import { unionColumns } from '../../../src/visualisation/unionColumns';
import { payloadOfColumns } from '../../../web/explorer/src/unionColumns';
import type { NetworkPayload } from '../../../src/visualisation/networkService';

type Node = NetworkPayload['nodes'][number];
type Edge = NetworkPayload['edges'][number];

const node = (id: string, sector: Node['sector'], periods: Node['periods'], x: number | null = 1.5, y: number | null = -2): Node => ({
  id,
  label: `label ${id}`,
  kind: sector === 'CITIZEN' ? 'CITIZEN' : 'ASSOCIATION',
  sector,
  areas: [],
  degree: 0,
  betweenness: null,
  community: null,
  brokerageRole: null,
  x,
  y,
  start: null,
  end: null,
  periods,
});

const edge = (id: string, source: string, target: string, crossesSectors: boolean, until: string | null = null): Edge => ({
  id,
  source,
  target,
  kind: 'PARTNERSHIP',
  strength: 3,
  since: '2020-01-01',
  until,
  crossesSectors,
});

describe('the network union in columns', () => {
  const nodes = [
    node('a', 'CITIZEN', [{ start: '2019-01-01', end: '2020-12-31' }, { start: '2022-01-01', end: null }]),
    node('b', 'CIVIL_SOCIETY', [{ start: null, end: null }]),
    node('c', 'CIVIL_SOCIETY', [], null, null),
  ];
  const edges = [edge('t1', 'a', 'b', true), edge('t2', 'b', 'c', false, '2021-06-30')];

  it('sends ties by node position and reads back the same nodes, places, periods and ties', () => {
    const columns = unionColumns({ nodes, edges });
    expect(columns.edges.source).toEqual([0, 1]);
    expect(columns.edges.target).toEqual([1, 2]);
    expect(columns.nodes.periods[0]).toEqual(['2019-01-01', '2020-12-31', '2022-01-01', null]);
    const read = payloadOfColumns(JSON.parse(JSON.stringify(columns)));
    expect(read.nodes).toEqual(nodes.map((n) => ({ id: n.id, label: n.label, kind: n.kind, sector: n.sector, x: n.x, y: n.y, periods: n.periods })));
    expect(read.edges).toEqual(edges.map((e, i) => ({ id: String(i), source: e.source, target: e.target, strength: e.strength, since: e.since, until: e.until, crossesSectors: e.crossesSectors })));
  });

  it('refuses a tie whose end is not a node, and a page refuses a shape it does not read', () => {
    expect(() => unionColumns({ nodes, edges: [edge('t3', 'a', 'zz', true)] })).toThrow(/zz/);
    expect(() => payloadOfColumns({ ...unionColumns({ nodes, edges }), version: 2 })).toThrow(/shape 2/);
  });
});
