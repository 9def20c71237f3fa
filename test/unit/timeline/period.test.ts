import { GraphQLError } from 'graphql';
import { dayAfter, dayBefore, parsePeriod, parseRange, periodsBetween } from '../../../src/timeline/period';

const codeOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? { code: error.extensions.code, field: error.extensions.field, message: error.message } : error;
  }
  return 'no error';
};

describe('periods as users write them', () => {
  it('parses quarters, months and years with their first and last days', () => {
    expect(parsePeriod('2022-Q3', 'from')).toEqual({ label: '2022-Q3', kind: 'QUARTER', first: '2022-07-01', last: '2022-09-30', firstDay: 20220701, lastDay: 20220930 });
    expect(parsePeriod('2022-Q1', 'from')).toMatchObject({ first: '2022-01-01', last: '2022-03-31' });
    expect(parsePeriod('2022-Q4', 'from')).toMatchObject({ first: '2022-10-01', last: '2022-12-31' });
    expect(parsePeriod('2024-02', 'to')).toMatchObject({ label: '2024-02', kind: 'MONTH', first: '2024-02-01', last: '2024-02-29' });
    expect(parsePeriod('2023-02', 'to')).toMatchObject({ last: '2023-02-28' });
    expect(parsePeriod('2022', 'to')).toMatchObject({ label: '2022', kind: 'YEAR', first: '2022-01-01', last: '2022-12-31', lastDay: 20221231 });
    expect(parsePeriod(' 2022-q2 ', 'to').label).toBe('2022-Q2');
  });

  it.each([
    ['2022-Q5', /Q1 to Q4/],
    ['2022-Q0', /Q1 to Q4/],
    ['2022-13', /01 to 12/],
    ['2022-00', /01 to 12/],
    ['2022-7', /got "2022-7"/],
    ['22-Q3', /got/],
    ['2022-07-01', /got/],
    ['Q3 2022', /got/],
    ['', /got ""/],
    ['0999', /outside/],
  ])('refuses %p with BAD_USER_INPUT naming the field and the accepted forms', (text, why) => {
    const error = codeOf(() => parsePeriod(text, 'from')) as { code: string; field: string; message: string };
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(error.message).toMatch(/from must be a quarter `2022-Q3`, a month `2022-07` or a year `2022`/);
    expect(error.message).toMatch(why);
  });

  it('refuses from after to, and names the bad one of two', () => {
    expect(codeOf(() => parseRange('2022-Q3', '2022-Q2'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from', message: expect.stringMatching(/after to/) });
    expect(codeOf(() => parseRange('2023', '2022-12'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(codeOf(() => parseRange('2022-Q1', '2022-14'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    // Overlapping periods are not "after": 2022 starts before 2022-Q3 ends.
    expect(parseRange('2022', '2022-Q3').to.label).toBe('2022-Q3');
    expect(parseRange('2022-Q3', '2022-Q3').from.label).toBe('2022-Q3');
  });

  it('lists the periods of an interval from the one holding from to the one holding to', () => {
    const { from, to } = parseRange('2021-Q4', '2022-Q2');
    expect(periodsBetween(from, to, 'QUARTER').map((period) => [period.label, period.last])).toEqual([
      ['2021-Q4', '2021-12-31'],
      ['2022-Q1', '2022-03-31'],
      ['2022-Q2', '2022-06-30'],
    ]);
    expect(periodsBetween(from, to, 'MONTH').map((period) => period.label)).toEqual(['2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06']);
    expect(periodsBetween(from, to, 'YEAR').map((period) => period.label)).toEqual(['2021', '2022']);
    const months = parseRange('2022-08', '2022-11');
    expect(periodsBetween(months.from, months.to, 'QUARTER').map((period) => period.label)).toEqual(['2022-Q3', '2022-Q4']);
    const ten = parseRange('2016-Q1', '2025-Q4');
    expect(periodsBetween(ten.from, ten.to, 'QUARTER')).toHaveLength(40);
    const long = parseRange('1900', '2999');
    expect(codeOf(() => periodsBetween(long.from, long.to, 'MONTH'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'interval' });
  });

  it('steps days across month and year ends, leap days included', () => {
    expect(dayAfter(20220131)).toBe(20220201);
    expect(dayAfter(20221231)).toBe(20230101);
    expect(dayAfter(20240228)).toBe(20240229);
    expect(dayAfter(20230228)).toBe(20230301);
    expect(dayAfter(20220615)).toBe(20220616);
    expect(dayBefore(20220301)).toBe(20220228);
    expect(dayBefore(20240301)).toBe(20240229);
    expect(dayBefore(20220101)).toBe(20211231);
    expect(dayBefore(20220616)).toBe(20220615);
  });
});
