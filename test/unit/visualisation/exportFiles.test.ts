import { csvCell } from '../../../src/visualisation/exports/csvZip';
import { fileNameOf } from '../../../src/visualisation/exports/networkFile';
import { dominantRole } from '../../../src/visualisation/networkMeasures';
import { rgbOf, SECTOR_COLOURS } from '../../../src/visualisation/sectorColours';

describe('export helpers', () => {
  it('escapes CSV cells and keeps spreadsheets from running formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('names files after the scope and the date or period', () => {
    expect(fileNameOf({ areaId: 'area-rosengard', asOf: '2023-06-30', span: null }, 'gexf')).toBe('samverkan-network-area-rosengard-2023-06-30.gexf');
    expect(fileNameOf({ areaId: null, asOf: '2023-06-30', span: { from: '2013-01-01', to: '2023-12-31' } }, 'csv.zip')).toBe('samverkan-network-city-2013-01-01_2023-12-31.csv.zip');
  });

  it('takes the most frequent brokerage role, ties in the enum’s order, NONE without two-paths', () => {
    expect(dominantRole({ coordinator: 0, itinerant: 0, gatekeeperRepresentative: 0, liaison: 0, total: 0 })).toBe('NONE');
    expect(dominantRole({ coordinator: 1, itinerant: 2, gatekeeperRepresentative: 2, liaison: 1, total: 6 })).toBe('ITINERANT');
    expect(dominantRole({ coordinator: 0, itinerant: 0, gatekeeperRepresentative: 1, liaison: 3, total: 4 })).toBe('LIAISON');
  });

  it('has one colour per sector, as r/g/b too', () => {
    expect(new Set(Object.values(SECTOR_COLOURS)).size).toBe(5);
    expect(rgbOf('#0072B2')).toEqual({ r: 0, g: 114, b: 178 });
  });
});
