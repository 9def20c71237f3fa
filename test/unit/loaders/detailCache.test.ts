import type { CollaborationIndex } from '../../../src/analytics/collaborationIndex/collaborationIndex';
import type { DetailRow } from '../../../src/actors/actorRepository';
import type { ActorRecord } from '../../../src/model';
import { detailKey, keepDetail, keptDetail } from '../../../src/loaders/detailCache';

// The cache only uses an index as a key: any object stands in for one.
const anIndex = () => ({}) as CollaborationIndex;
const row = (id: string): DetailRow => ({
  actor: { id, kind: 'COMPANY', sector: 'PRIVATE', name: `Firma ${id}` } as ActorRecord,
  ties: [],
  areas: [{ area: { id: 'a1', name: 'Rosengård', level: 'DISTRICT', parentId: null } as DetailRow['areas'][number]['area'], since: '2020-01-01', until: null }],
});

describe('the rows actor(id) keeps per collaboration index', () => {
  it('keys rows by actor and by the memberships asked for (none, all, on a date)', () => {
    const keys = [
      detailKey('x', { ties: null, areas: null }),
      detailKey('x', { ties: null, areas: { asOf: null } }),
      detailKey('x', { ties: null, areas: { asOf: '2020-01-01' } }),
      detailKey('y', { ties: null, areas: null }),
    ];
    expect(new Set(keys).size).toBe(4);
  });

  it('gives a row back only for the index it was kept for', () => {
    const [first, second] = [anIndex(), anIndex()];
    const key = detailKey('x', { ties: null, areas: null });
    keepDetail(first, key, row('x'));
    expect(keptDetail(first, key)?.actor.id).toBe('x');
    expect(keptDetail(second, key)).toBeUndefined();
    expect(keptDetail(first, detailKey('x', { ties: null, areas: { asOf: null } }))).toBeUndefined();
  });

  it('freezes what it keeps, since every request that reads it shares it', () => {
    const index = anIndex();
    keepDetail(index, 'k', row('x'));
    const kept = keptDetail(index, 'k') as DetailRow;
    expect(Object.isFrozen(kept.actor)).toBe(true);
    expect(Object.isFrozen(kept.areas)).toBe(true);
    expect(Object.isFrozen(kept.areas[0])).toBe(true);
    expect(Object.isFrozen(kept.areas[0].area)).toBe(true);
    expect(() => {
      (kept.actor as { name: string }).name = 'changed';
    }).toThrow(TypeError);
  });

  it('drops the oldest row past 2,048 per index', () => {
    const index = anIndex();
    for (let n = 0; n <= 2048; n += 1) keepDetail(index, `k${n}`, row(`a${n}`));
    expect(keptDetail(index, 'k0')).toBeUndefined();
    expect(keptDetail(index, 'k1')?.actor.id).toBe('a1');
    expect(keptDetail(index, 'k2048')?.actor.id).toBe('a2048');
  });
});
