import { toFulltextQuery } from '../../src/db/fulltextQuery';

describe('toFulltextQuery', () => {
  it('makes every word a required prefix', () => {
    expect(toFulltextQuery('Malmö  Ideella')).toBe('malmö* AND ideella*');
  });

  it('escapes Lucene syntax so user text cannot change the query', () => {
    expect(toFulltextQuery('a:b (c) "d" OR*')).toBe('a\\:b* AND \\(c\\)* AND \\"d\\"* AND or\\**');
  });

  it('rejects empty and overlong searches', () => {
    expect(() => toFulltextQuery('   ')).toThrow(/at least one word/);
    expect(() => toFulltextQuery('a b c d e f g h i j k')).toThrow(/at most 10/);
  });
});
