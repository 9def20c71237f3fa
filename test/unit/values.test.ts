import neo4j from 'neo4j-driver';
import { toParams, toPlain } from '../../src/db/values';

describe('toPlain', () => {
  it('keeps primitives and turns undefined into null', () => {
    expect(toPlain('a')).toBe('a');
    expect(toPlain(3)).toBe(3);
    expect(toPlain(false)).toBe(false);
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain(null)).toBeNull();
  });

  it('converts driver values inside maps and lists', () => {
    const value = {
      n: neo4j.int(42),
      day: new neo4j.types.Date(2024, 3, 5),
      at: new neo4j.types.DateTime(2024, 3, 5, 10, 20, 30, 0, 0),
      list: [neo4j.int(1), { inner: new neo4j.types.Date(2020, 1, 2) }],
      nothing: null,
    };
    expect(toPlain(value)).toEqual({
      n: 42,
      day: '2024-03-05',
      at: '2024-03-05T10:20:30.000Z',
      list: [1, { inner: '2020-01-02' }],
      nothing: null,
    });
  });

  it('turns nodes into their properties', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Actor'], { id: 'a', since: new neo4j.types.Date(2021, 12, 31) }, 'e1');
    expect(toPlain(node)).toEqual({ id: 'a', since: '2021-12-31' });
  });
});

describe('toParams', () => {
  it('makes whole numbers Neo4j integers and leaves fractions alone', () => {
    const params = toParams({ limit: 5, ratio: 0.5, nested: [2] }) as { limit: unknown; ratio: unknown; nested: unknown[] };
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(params.ratio).toBe(0.5);
    expect(neo4j.isInt(params.nested[0])).toBe(true);
  });
});
