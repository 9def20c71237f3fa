import { comparisonPeriod, parsePeriod, shiftPeriod, trailingPeriods } from '../../../src/reports/period';
import { figuresOf, issuableFigures, markRevisions } from '../../../src/reports/figureKeys';
import { TEXTS, sectorName } from '../../../src/reports/i18n';
import { SECTORS } from '../../../src/model';
import { round, delta } from '../../../src/reports/figures';
import { formatFigure, formatNumber, formatSigned } from '../../../src/reports/format';
import { sampleReport } from './sampleReport';

describe('periods', () => {
  it('reads quarters, months and years as users write them', () => {
    expect(parsePeriod('2022-Q3')).toEqual({ label: '2022-Q3', kind: 'QUARTER', start: '2022-07-01', end: '2022-09-30' });
    expect(parsePeriod('2024-02')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(parsePeriod('2022')).toMatchObject({ kind: 'YEAR', start: '2022-01-01', end: '2022-12-31' });
  });

  it.each(['2022-Q5', '2022-13', '22-Q1', 'Q3 2022', ''])('refuses %j with BAD_USER_INPUT naming the period', (raw) => {
    expect(() => parsePeriod(raw)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'period' } }));
  });

  it('steps back across years and compares with the previous period or the same one a year before', () => {
    expect(shiftPeriod(parsePeriod('2022-Q1'), -1).label).toBe('2021-Q4');
    expect(shiftPeriod(parsePeriod('2022-01'), -13).label).toBe('2020-12');
    expect(comparisonPeriod(parsePeriod('2022-Q3'), 'PREVIOUS_PERIOD').label).toBe('2022-Q2');
    expect(comparisonPeriod(parsePeriod('2022-Q3'), 'SAME_PERIOD_LAST_YEAR').label).toBe('2021-Q3');
    expect(comparisonPeriod(parsePeriod('2022-07'), 'SAME_PERIOD_LAST_YEAR').label).toBe('2021-07');
    expect(trailingPeriods(parsePeriod('2022-Q3'), 8).map((p) => p.label)).toEqual(['2020-Q4', '2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4', '2022-Q1', '2022-Q2', '2022-Q3']);
  });
});

describe('figures', () => {
  it('rounds once and gives signed deltas in the same decimals', () => {
    expect(round(0.580952380952381)).toBe(0.581);
    expect(round(-0.00001)).toBe(0);
    expect(delta(0.5, 0.581, 3)).toBe(-0.081);
    expect(delta(15, 13)).toBe(2);
    expect(delta(null, 13)).toBeNull();
    expect(formatNumber('SV', 0.5, 3)).toBe('0,500');
    expect(formatNumber('EN', 0.5, 3)).toBe('0.500');
    expect(formatSigned('SV', -0.081, 3)).toBe('-0,081');
    expect(formatSigned('EN', 2)).toBe('+2');
    expect(formatFigure({ lang: 'SV', suppressionK: 5 }, { value: null, suppressed: true, small: true, issued: null, revised: false })).toBe('< 5');
    expect(formatFigure({ lang: 'EN', suppressionK: 5 }, { value: null, suppressed: true, issued: null, revised: false })).toBe('withheld');
  });

  it('keys every figure stably and marks only shown figures that differ from the issued ones', () => {
    const report = sampleReport({ issued: null });
    report.headline[1].revised = false;
    report.headline[1].issued = null;
    const keys = figuresOf(report).map(([key]) => key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['headline.ties', 'matrix.ties.CITIZEN|CIVIL_SOCIETY', 'trend.2022-Q3.eiIndex', 'coverage.area-herrgarden']));
    const issued = issuableFigures(report);
    expect(markRevisions(sampleReport({ issued: null }), issued)).toBe(0);
    const changed = { ...issued, 'headline.ties': 30, 'matrix.ties.CITIZEN|CIVIL_SOCIETY': 3, 'headline.eiExpected': 0.5 };
    const later = sampleReport({ issued: null });
    later.headline[1].revised = false;
    later.headline[1].issued = null;
    // Only the ties differ while shown; the withheld ones are never compared.
    expect(markRevisions(later, changed)).toBe(1);
    expect(later.headline[1]).toMatchObject({ value: 28, revised: true, issued: 30 });
  });
});

describe('texts', () => {
  it('has every label in Swedish and English, and the Swedish sector names', () => {
    const shape = (value: unknown): unknown =>
      typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)])) : typeof value;
    expect(shape(TEXTS.EN)).toEqual(shape(TEXTS.SV));
    expect(SECTORS.map((sector) => sectorName('SV', sector))).toEqual(['medborgare', 'civilsamhälle', 'näringsliv', 'offentlig sektor', 'akademi']);
    const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : typeof value === 'object' && value ? Object.values(value).flatMap(strings) : []);
    for (const text of strings(TEXTS.SV)) expect(text.trim()).not.toBe('');
  });
});
