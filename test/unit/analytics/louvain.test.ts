import { louvainCommunities } from '../../../src/analytics/measures/louvain';
import { partition } from '../../../src/analytics/measures/communityComposition';
import { modularity } from '../../../src/analytics/measures/modularity';
import { mulberry32 } from '../../../src/analytics/measures/seededSample';
import type { Sector } from '../../../src/model';
import { graphOf } from './sampleGraphs';

/**
 * Louvain in the service (src/analytics/measures/louvain.ts): finds planted
 * communities, gives the same partition for the same seed, leaves isolates alone.
 */

/** Four planted groups of 30: dense inside (p = 0.5), sparse across (p = 0.01), plus two isolates. */
function planted(seed: number) {
  const next = mulberry32(seed);
  const sectors: Record<string, Sector> = {};
  const ids: string[] = [];
  for (let group = 0; group < 4; group += 1) {
    for (let member = 0; member < 30; member += 1) {
      const id = `g${group}-${String(member).padStart(2, '0')}`;
      ids.push(id);
      sectors[id] = 'CIVIL_SOCIETY';
    }
  }
  sectors.alone1 = 'CITIZEN';
  sectors.alone2 = 'CITIZEN';
  const pairs: Array<[string, string]> = [];
  for (let a = 0; a < ids.length; a += 1) {
    for (let b = a + 1; b < ids.length; b += 1) {
      const sameGroup = ids[a].slice(0, 2) === ids[b].slice(0, 2);
      if (next() < (sameGroup ? 0.5 : 0.01)) pairs.push([ids[a], ids[b]]);
    }
  }
  return graphOf(sectors, pairs);
}

describe('louvainCommunities', () => {
  it.each([1, 2, 3])('recovers four planted groups, random graph %i', (seed) => {
    const graph = planted(seed);
    const labels = louvainCommunities(graph, 1, 42);
    const { communities, communityOf } = partition(graph, labels);
    const groups = communities.filter((community) => community.size > 1).map((community) => new Set(community.memberIds.map((id) => id.slice(0, 2))));
    expect(groups.map((group) => [...group])).toHaveLength(4);
    for (const group of groups) expect(group.size).toBe(1);
    // The isolates are left unlabelled: partition makes each a community of its own.
    expect([labels.has('alone1'), labels.has('alone2')]).toEqual([false, false]);
    expect(communities.filter((community) => community.size === 1).map((community) => community.memberIds)).toEqual([['alone1'], ['alone2']]);
    expect(modularity(graph, communityOf, 1)).toBeGreaterThan(0.6);
  });

  it('gives the same partition for the same seed, and takes the resolution', () => {
    const graph = planted(9);
    const once = partition(graph, louvainCommunities(graph, 1, 7)).communities.map((community) => community.memberIds);
    const again = partition(graph, louvainCommunities(graph, 1, 7)).communities.map((community) => community.memberIds);
    expect(again).toEqual(once);
    // A very high resolution breaks the groups into many more communities.
    const fine = partition(graph, louvainCommunities(graph, 10, 7)).communities;
    expect(fine.length).toBeGreaterThan(once.length + 4);
  });

  it('labels nobody in a network without ties', () => {
    expect(louvainCommunities(graphOf({ a: 'CITIZEN', b: 'PUBLIC' }, []), 1, 42).size).toBe(0);
  });
});
