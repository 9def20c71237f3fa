import { decodeCursor, encodeCursor, pageSize, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '../../src/pagination/cursor';
import { toConnection } from '../../src/pagination/connection';

describe('cursors', () => {
  it('round-trips a key', () => {
    expect(decodeCursor('actors', encodeCursor('actors', 'malmo-ideella'))).toBe('malmo-ideella');
  });

  it('treats a missing cursor as the start', () => {
    expect(decodeCursor('actors', undefined)).toBeNull();
    expect(decodeCursor('actors', null)).toBeNull();
  });

  it.each([
    ['garbage', 'not base64 json'],
    ['tampered', encodeCursor('actors', 'x').slice(0, -3) + 'AAA'],
    ['from another list', encodeCursor('initiatives', 'x')],
    ['with a wrong version', Buffer.from(JSON.stringify({ v: 2, t: 'actors', k: 'x' })).toString('base64url')],
    ['with an empty key', Buffer.from(JSON.stringify({ v: 1, t: 'actors', k: '' })).toString('base64url')],
  ])('rejects a cursor %s with BAD_USER_INPUT', (_label, cursor) => {
    expect(() => decodeCursor('actors', cursor)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }));
  });
});

describe('pageSize', () => {
  it('defaults and bounds', () => {
    expect(pageSize(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
    expect(() => pageSize(MAX_PAGE_SIZE + 1)).toThrow(/from 0 to 100/);
    expect(() => pageSize(-1)).toThrow(/from 0 to 100/);
  });
});

describe('toConnection', () => {
  type Row = { node: { id: string } };
  const rows: Row[] = ['a', 'b', 'c'].map((id) => ({ node: { id } }));
  const count = () => Promise.resolve(3);

  it('uses the extra row only to know a next page exists', () => {
    const page = toConnection<Row['node'], Row>('actors', rows, 2, (row) => row.node.id, count);
    expect(page.nodes.map((node) => node.id)).toEqual(['a', 'b']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor('actors', page.pageInfo.endCursor)).toBe('b');
  });

  it('reports an exact last page and an empty one', () => {
    expect(toConnection('actors', rows, 3, (row) => row.node.id, count).pageInfo.hasNextPage).toBe(false);
    const empty = toConnection('actors', [], 3, (row: { node: { id: string } }) => row.node.id, count);
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});
