import { stepDates, stepSpan } from '../../../web/explorer/src/dates';

describe('stepSpan: the slider steps around a date (the tie layer keeps what is drawn throughout)', () => {
  const months = stepDates('2020-01-01', '2022-12-31', 'month');

  it('reaches the given number of steps each way', () => {
    expect(stepSpan(months, '2021-06-30', 6)).toEqual({ from: '2020-12-31', to: '2021-12-31' });
  });

  it('stops at the slider’s ends', () => {
    expect(stepSpan(months, '2020-02-29', 6)).toEqual({ from: '2020-01-31', to: '2020-08-31' });
    expect(stepSpan(months, '2022-12-31', 6)).toEqual({ from: '2022-06-30', to: '2022-12-31' });
  });

  it('takes in a date between steps (a date typed in, not a step)', () => {
    const span = stepSpan(months, '2021-06-15', 1);
    expect(span).toEqual({ from: '2021-05-31', to: '2021-07-31' });
  });

  it('is null before the slider has its dates', () => {
    expect(stepSpan([], '2021-06-30')).toBeNull();
  });
});
