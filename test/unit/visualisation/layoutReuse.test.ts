import { forceAtlas2Layout, type Position } from '../../../src/visualisation/forceAtlas2Layout';
import { layoutFromPrevious, refineIterationsFor, REUSE_AT_LEAST, reusedStarts } from '../../../src/visualisation/layoutReuse';
import { LayoutMemory } from '../../../src/visualisation/layoutMemory';

jest.setTimeout(60_000);

const later = () => ({ deadline: Date.now() + 60_000, onDeadline: () => new Error('late') });
const distance = (p: Position, q: Position) => Math.hypot(p.x - q.x, p.y - q.y);

/** Two rings of 30 joined by one tie: clusters a layout separates. */
function twoRings(): { nodes: string[]; edges: Array<readonly [string, string]>; groups: Map<string, string> } {
  const nodes: string[] = [];
  const edges: Array<readonly [string, string]> = [];
  for (const ring of ['a', 'b']) {
    for (let i = 0; i < 30; i += 1) {
      nodes.push(`${ring}${i}`);
      edges.push([`${ring}${i}`, `${ring}${(i + 1) % 30}`], [`${ring}${i}`, `${ring}${(i + 7) % 30}`]);
    }
  }
  edges.push(['a0', 'b0']);
  return { nodes, edges, groups: new Map(nodes.map((id) => [id, `area-${id[0]}`])) };
}

describe('layoutFromPrevious', () => {
  it('without a previous layout is the full seeded layout', async () => {
    const input = twoRings();
    const outcome = await layoutFromPrevious(input, null, later());
    expect(outcome.mode).toBe('FULL');
    expect([...outcome.positions.entries()].sort()).toEqual([...(await forceAtlas2Layout(input, later())).entries()].sort());
  });

  it('gives the same positions for the same network and previous layout, whatever the order', async () => {
    const input = twoRings();
    const previous = await forceAtlas2Layout(input, later());
    // A write: a newcomer tied to two actors of ring a, and a pair of newcomers tied to each other and to b5.
    const next = {
      nodes: [...input.nodes, 'n1', 'n2', 'n3'],
      edges: [...input.edges, ['n1', 'a3'], ['n1', 'a4'], ['n2', 'n3'], ['n3', 'b5']] as Array<readonly [string, string]>,
      groups: new Map([...input.groups, ['n1', 'area-a'], ['n2', 'area-b'], ['n3', 'area-b']]),
    };
    const first = await layoutFromPrevious(next, previous, later());
    const again = await layoutFromPrevious({ nodes: [...next.nodes].reverse(), edges: [...next.edges].reverse(), groups: next.groups }, new Map([...previous].reverse()), later());
    expect(first.mode).toBe('REFINED');
    expect(first.reused).toBe(60);
    expect(first.iterations).toBe(refineIterationsFor(63));
    expect([...again.positions.entries()].sort()).toEqual([...first.positions.entries()].sort());
    expect(first.positions.size).toBe(63);
  });

  it('keeps the actors near their place and puts newcomers beside their partners', async () => {
    const input = twoRings();
    const previous = await forceAtlas2Layout(input, later());
    const next = { ...input, nodes: [...input.nodes, 'n1', 'n2', 'lonely'], edges: [...input.edges, ['n1', 'a3'], ['n1', 'a4'], ['n2', 'n1']] as Array<readonly [string, string]> };
    const starts = reusedStarts([...next.nodes].sort(), next, previous);
    for (const id of input.nodes) expect(starts.get(id)).toEqual(previous.get(id));
    const a = previous.get('a3')!;
    const b = previous.get('b15')!;
    // n1 starts nearer its partners than the other ring; n2, tied only to n1, follows it.
    expect(distance(starts.get('n1')!, a)).toBeLessThan(distance(starts.get('n1')!, b));
    expect(distance(starts.get('n2')!, a)).toBeLessThan(distance(starts.get('n2')!, b));
    expect(starts.has('lonely')).toBe(true);

    const outcome = await layoutFromPrevious(next, previous, later());
    // The spread of the old layout, as a yardstick for "kept its place".
    const span = distance(previous.get('a15')!, previous.get('b15')!);
    for (const id of input.nodes) expect(distance(outcome.positions.get(id)!, previous.get(id)!)).toBeLessThan(span / 4);
  });

  it('of the same graph version is the previous layout as it was, unless it misses an actor', async () => {
    const input = twoRings();
    const previous = await forceAtlas2Layout(input, later());
    const same = await layoutFromPrevious(input, previous, { ...later(), sameVersion: true });
    expect(same.mode).toBe('SAME');
    expect(same.iterations).toBe(0);
    expect([...same.positions.entries()].sort()).toEqual([...previous.entries()].sort());
    const missing = new Map([...previous].slice(1));
    expect((await layoutFromPrevious(input, missing, { ...later(), sameVersion: true })).mode).toBe('REFINED');
  });

  it('lays out afresh when the previous layout places too few of the actors', async () => {
    const input = twoRings();
    const few = new Map<string, Position>(input.nodes.slice(0, Math.floor(input.nodes.length * REUSE_AT_LEAST) - 1).map((id) => [id, { x: 0, y: 0 }]));
    const outcome = await layoutFromPrevious(input, few, later());
    expect(outcome.mode).toBe('FULL');
    expect(outcome.reused).toBe(0);
  });

  it('stops at the deadline with the given error', async () => {
    const input = twoRings();
    const previous = await forceAtlas2Layout(input, later());
    await expect(layoutFromPrevious(input, previous, { deadline: Date.now() - 1, onDeadline: () => new Error('ANALYTICS_TIMEOUT') })).rejects.toThrow('ANALYTICS_TIMEOUT');
  });
});

describe('LayoutMemory', () => {
  it('keeps the latest layout per scope and forgets the oldest scope past its bound', () => {
    const memory = new LayoutMemory();
    const positions = new Map([['a', { x: 1, y: 2 }]]);
    memory.remember('s0', { version: 'v1', positions });
    memory.remember('s0', { version: 'v2', positions });
    expect(memory.latest('s0')?.version).toBe('v2');
    for (let k = 1; k <= 16; k += 1) memory.remember(`s${k}`, { version: 'v1', positions });
    expect(memory.latest('s0')).toBeNull();
    expect(memory.latest('s16')?.positions.get('a')).toEqual({ x: 1, y: 2 });
  });
});
