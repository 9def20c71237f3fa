import './webglConstants';
import Graph from 'graphology';
import type Sigma from 'sigma';
import { LARGE_DISTRICT, type NodeAttributes } from '../../../web/explorer/src/drawingStyle';
import { NodeStates } from '../../../web/explorer/src/nodeStates';

/** What NodeStates asks of sigma, recorded: each refresh and each state change. */
function recordingSigma() {
  const refreshes: Array<{ nodes: string[]; skipIndexation: boolean }> = [];
  const sigma = {
    refresh: (options: { partialGraph: { nodes: string[] }; skipIndexation: boolean }) => refreshes.push({ nodes: options.partialGraph.nodes, skipIndexation: options.skipIndexation }),
    setNodesState: () => undefined,
  };
  return { sigma: sigma as unknown as ConstructorParameters<typeof NodeStates>[0] & Sigma, refreshes };
}

function union(order: number) {
  const graph = new Graph<NodeAttributes>({ type: 'undirected', multi: true });
  const ids = Array.from({ length: order }, (_, i) => `a${i}`);
  ids.forEach((id) => graph.addNode(id, { x: 0, y: 0, size: 1, color: '#000', label: id, sector: 'CIVIL_SOCIETY', kind: 'ASSOCIATION' }));
  return { graph, ids, at: new Map(ids.map((id, i) => [id, i])) };
}

/** A step: every actor drawn, the first one grown. */
function step(states: NodeStates, graph: Graph<NodeAttributes>, order: number) {
  const sizes = new Float64Array(order).fill(1);
  sizes[0] = 3;
  const visible = new Uint8Array(order).fill(1);
  states.visibility(visible);
  states.resize(graph, sizes, visible);
}

describe('NodeStates: labels re-picked after a step', () => {
  it('on a small picture, in the step itself (a refresh that re-indexes)', () => {
    const { sigma, refreshes } = recordingSigma();
    const { graph, ids, at } = union(50);
    const states = new NodeStates(sigma);
    states.reset(ids, at, new Float64Array(50).fill(1));
    states.sync();
    step(states, graph, 50);
    expect(refreshes).toEqual([
      { nodes: ['a0'], skipIndexation: true },
      { nodes: [], skipIndexation: false },
    ]);
  });

  it('on a large district, only once the slider rests, and once per rest', () => {
    const order = LARGE_DISTRICT + 1;
    const { sigma, refreshes } = recordingSigma();
    const { graph, ids, at } = union(order);
    const states = new NodeStates(sigma);
    states.reset(ids, at, new Float64Array(order).fill(1));
    states.sync();
    jest.useFakeTimers();
    try {
      step(states, graph, order);
      // However long the step takes to be shown: nothing re-indexes (every node processed) in its frames.
      jest.advanceTimersByTime(1_000);
    } finally {
      jest.useRealTimers();
    }
    // The step resized its one actor in place.
    expect(refreshes).toEqual([{ nodes: ['a0'], skipIndexation: true }]);
    states.rested();
    expect(refreshes.at(-1)).toEqual({ nodes: [], skipIndexation: false });
    states.rested();
    expect(refreshes).toHaveLength(2);
  });
});
