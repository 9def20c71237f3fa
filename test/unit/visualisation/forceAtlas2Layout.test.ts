import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { forceAtlas2Layout, groupCentres, groupedSeedPosition, iterationsFor, seedPosition } from '../../../src/visualisation/forceAtlas2Layout';
import fs from 'node:fs';
import { LAYOUT_NICENESS, stopLayoutWorker } from '../../../src/visualisation/layoutWorker';

const ring = (n: number) => ({
  nodes: Array.from({ length: n }, (_, i) => `n${i}`),
  edges: Array.from({ length: n }, (_, i) => [`n${i}`, `n${(i + 1) % n}`] as const).concat([['n0', `n${Math.floor(n / 2)}`]]),
});

// Hundreds of iterations; a shared test machine may be slow.
jest.setTimeout(60_000);

const later = () => ({ deadline: Date.now() + 60_000, onDeadline: () => new Error('late') });

afterAll(() => stopLayoutWorker());

describe('forceAtlas2Layout', () => {
  it('with groups starts each node near its group and stays deterministic whatever the order', async () => {
    const input = ring(40);
    const groups = new Map(input.nodes.map((id, i) => [id, i < 20 ? 'area-a' : 'area-b']));
    const first = await forceAtlas2Layout({ ...input, groups }, later());
    const again = await forceAtlas2Layout({ nodes: [...input.nodes].reverse(), edges: [...input.edges].reverse(), groups }, later());
    expect([...again.entries()].sort()).toEqual([...first.entries()].sort());
    const ungrouped = await forceAtlas2Layout(input, later());
    expect([...first.entries()].sort()).not.toEqual([...ungrouped.entries()].sort());
    // The start: a group's members closer to their own centre than to the other's.
    const centres = groupCentres(['area-b', 'area-a', 'area-b'], 40);
    expect([...centres.keys()]).toEqual(['area-a', 'area-b']);
    const [a, b] = [centres.get('area-a')!, centres.get('area-b')!];
    const distance = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);
    for (const id of input.nodes) {
      const [own, other] = groups.get(id) === 'area-a' ? [a, b] : [b, a];
      const start = groupedSeedPosition(id, own, 20);
      expect(distance(start, own)).toBeLessThan(distance(start, other));
    }
  });

  it('gives the same positions for the same network, whatever the order it is given in', async () => {
    const input = ring(30);
    const first = await forceAtlas2Layout(input, later());
    const shuffled = await forceAtlas2Layout({ nodes: [...input.nodes].reverse(), edges: [...input.edges].reverse() }, later());
    expect([...shuffled.entries()].sort()).toEqual([...first.entries()].sort());
    expect(new Set([...first.values()].map((p) => `${p.x},${p.y}`)).size).toBe(30);
  });

  it('is graphology’s ForceAtlas2 with its inferred settings, run from the seeded positions (its iterations run in the layout worker)', async () => {
    const input = ring(40);
    const ours = await forceAtlas2Layout(input, later());
    const graph = new Graph({ type: 'undirected' });
    for (const id of [...input.nodes].sort()) graph.addNode(id, seedPosition(id, 40));
    // In the order the layout takes them: pairs (smaller id first) sorted.
    const pairs = input.edges.map(([s, t]) => (s < t ? `${s}|${t}` : `${t}|${s}`)).sort();
    for (const pair of pairs) graph.mergeEdge(...(pair.split('|') as [string, string]));
    const theirs = forceAtlas2(graph, { iterations: iterationsFor(40), settings: forceAtlas2.inferSettings(graph), getEdgeWeight: null });
    for (const id of input.nodes) {
      expect(ours.get(id)?.x).toBeCloseTo(theirs[id].x, 2);
      expect(ours.get(id)?.y).toBeCloseTo(theirs[id].y, 2);
    }
  });

  it('stops with the deadline’s error instead of running on', async () => {
    await expect(forceAtlas2Layout(ring(30), { deadline: Date.now() - 1, onDeadline: () => new Error('ANALYTICS_TIMEOUT') })).rejects.toThrow('ANALYTICS_TIMEOUT');
    // Inside the worker too: a deadline that passes between iterations.
    await expect(forceAtlas2Layout(ring(3000), { deadline: Date.now() + 5, onDeadline: () => new Error('ANALYTICS_TIMEOUT') })).rejects.toThrow('ANALYTICS_TIMEOUT');
  });

  it('runs layouts side by side in turn, each with its own result', async () => {
    const [a, b] = await Promise.all([forceAtlas2Layout(ring(30), later()), forceAtlas2Layout(ring(31), later())]);
    expect(a.size).toBe(30);
    expect(b.size).toBe(31);
    expect([...(await forceAtlas2Layout(ring(31), later())).entries()]).toEqual([...b.entries()]);
  });

  it('runs in a thread of its own at a lower priority than the service’s thread (Linux nice)', async () => {
    await forceAtlas2Layout(ring(30), later());
    // Each thread's nice value: the 19th field of /proc/<pid>/task/<tid>/stat, the 17th after the command's closing parenthesis.
    const niceOf = (tid: string) => Number(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
    const threads = fs.readdirSync('/proc/self/task');
    expect(niceOf(String(process.pid))).toBe(0);
    expect(threads.filter((tid) => niceOf(tid) === LAYOUT_NICENESS).length).toBeGreaterThanOrEqual(1);
  });

  it('leaves a network without ties at the seeded places, which depend on the id alone', async () => {
    const positions = await forceAtlas2Layout({ nodes: ['a', 'b'], edges: [] }, later());
    expect(positions.get('a')).toEqual(seedPosition('a', 2));
    expect(seedPosition('a', 2)).not.toEqual(seedPosition('b', 2));
  });
});
