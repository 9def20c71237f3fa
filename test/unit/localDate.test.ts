import { Kind } from 'graphql';
import { LocalDate } from '../../src/schema/localDate';

describe('the LocalDate scalar', () => {
  it('sends a YYYY-MM-DD string as it is', () => {
    expect(LocalDate.serialize('2021-03-15')).toBe('2021-03-15');
  });

  it('sends other values through the library, which rejects what is not a date', () => {
    expect(() => LocalDate.serialize('15 March 2021')).toThrow(/date/i);
    expect(() => LocalDate.serialize('2021-3-15')).toThrow(/date/i);
    expect(() => LocalDate.serialize(42)).toThrow();
  });

  it('parses input with the library’s checks', () => {
    expect(LocalDate.parseValue('2021-03-15')).toBe('2021-03-15');
    expect(() => LocalDate.parseValue('2021-02-30')).toThrow(/date/i);
    expect(LocalDate.parseLiteral({ kind: Kind.STRING, value: '2020-02-29' }, {})).toBe('2020-02-29');
    expect(() => LocalDate.parseLiteral({ kind: Kind.STRING, value: 'tomorrow' }, {})).toThrow(/date/i);
  });
});
