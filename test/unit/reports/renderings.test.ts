import ExcelJS from 'exceljs';
import { renderReport, parseFormats, reportBaseName } from '../../../src/reports/renderReport';
import { reportCsvFiles, tableCsv } from '../../../src/reports/csv';
import { reportHtml } from '../../../src/reports/html';
import { reportPdf } from '../../../src/reports/pdf';
import { reportTables } from '../../../src/reports/tables';
import { stopChartRenderer } from '../../../src/reports/chartRenderer';
import { toWinAnsi } from '../../../src/reports/winAnsi';
import { sampleReport } from './sampleReport';
import { pdfPages } from './pdfText';
import { offlineProblems } from './offline';

afterAll(() => stopChartRenderer());

describe('CSV set', () => {
  it('has one file per table, no generation time or engine, and the same bytes for the same model', () => {
    const files = reportCsvFiles(sampleReport(), 'base');
    expect(files.map((file) => file.name)).toContain('base_headline.csv');
    expect(files.map((file) => file.name)).toContain('base_sector_matrix.csv');
    const later = reportCsvFiles(sampleReport({ generatedAt: '2030-01-01T00:00:00.000Z', methods: sampleReport().methods.map((m) => ({ ...m, computedAt: '2030-01-01T00:00:00.000Z', engine: 'SCOPE_NETWORK' })) }), 'base');
    expect(later).toEqual(files);
    expect(files.map((file) => file.content).join('')).not.toContain('2026-01-02T03:04');
  });

  it('quotes, writes numbers with a decimal point, "< k" for a small citizen count, and marks a revised figure with its issued value', () => {
    const files = new Map(reportCsvFiles(sampleReport(), 'b').map((file) => [file.name, file.content]));
    const headline = files.get('b_headline.csv') ?? '';
    expect(headline.startsWith('\uFEFFNyckeltal,Värde,')).toBe(true);
    expect(headline).toContain('\r\nSamarbeten (aktörspar),28 († 27),30,-2,');
    expect(headline).toContain('Sektorstäckning (helix),0.833,0.667,0.166,');
    expect(files.get('b_sector_actors.csv')).toContain('medborgare,< 5\r\n');
    expect(files.get('b_tie_changes.csv')).toContain('"Förening Å, ""Ä"" & Ö"');
  });
});

describe('HTML', () => {
  it('is one file with inline SVG charts and nothing fetched from anywhere', async () => {
    const html = await reportHtml(sampleReport());
    expect(offlineProblems(html)).toEqual([]);
    expect(html.match(/<svg[\s>]/g)?.length).toBe(2);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('civilsamhälle');
    expect(html).toContain('@media print');
    // A revised figure shows its issued value.
    expect(html).toMatch(/28 <span class="issued"[^>]*>† 27<\/span>/);
  });

  it('notices what would be fetched', () => {
    expect(offlineProblems('<img src="https://example.org/x.png">')).not.toEqual([]);
    expect(offlineProblems('<script src="/app.js"></script>')).not.toEqual([]);
    expect(offlineProblems('<style>@import "x.css";</style>')).not.toEqual([]);
    expect(offlineProblems('<div style="background: url(//cdn.test/a.png)">')).not.toEqual([]);
    expect(offlineProblems('<a href="#matrix">ok</a>')).toEqual([]);
  });
});

describe('PDF', () => {
  it('is A4, has page numbers and a table of contents, and its text holds the headline figures in Swedish', async () => {
    const pdf = await reportPdf(sampleReport());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0]).toContain('Partnerskapsrapport');
    expect(pages[0]).toContain('Rosengård, 2022-Q3');
    expect(pages[0]).toContain('Innehåll');
    expect(pages[0]).toContain('Metodbilaga');
    for (const shown of ['15', '28', '0,750', '0,500', '0,833', '+0,050', 'undertryckt']) expect(pages[0]).toContain(shown);
    pages.forEach((text, i) => expect(text).toContain(`Sida ${i + 1} av ${pages.length}`));
    expect(pages.join('\n')).toContain('näringsliv');
  });
});

describe('XLSX', () => {
  it('has one sheet per table with numbers as numbers and the revised figure noted', async () => {
    const file = await renderReport(sampleReport(), 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(reportTables(sampleReport()).map((table) => table.id));
    const headline = workbook.getWorksheet('headline');
    expect(headline?.getCell('B2').value).toBe(15);
    expect(headline?.getCell('B3').value).toBe(28);
    expect(String(headline?.getCell('B3').note)).toContain('27');
  });
});

describe('formats and names', () => {
  it('names files in ASCII by area, period and language', async () => {
    expect(reportBaseName(sampleReport())).toBe('partnership-report_area-rosengard_2022-Q3_sv');
    expect(reportBaseName(sampleReport({ area: null, lang: 'EN' }))).toBe('partnership-report_city_2022-Q3_en');
    const csv = await renderReport(sampleReport(), 'csv', { table: 'trend' });
    expect(csv).toMatchObject({ name: 'partnership-report_area-rosengard_2022-Q3_sv_trend.csv', contentType: 'text/csv; charset=utf-8' });
    expect(csv.content.toString('utf8')).toBe(tableCsv(reportTables(sampleReport(), { forCsv: true }).find((t) => t.id === 'trend')!));
    expect((await renderReport(sampleReport(), 'csv')).content.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses unknown formats and tables with BAD_USER_INPUT naming the parameter', async () => {
    expect(parseFormats('pdf, HTML,pdf')).toEqual(['pdf', 'html']);
    expect(() => parseFormats('pdf,docx')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'format' } }));
    await expect(renderReport(sampleReport(), 'csv', { table: 'nope' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'table' } });
  });

  it('spells the PDF fonts’ missing signs in ASCII and keeps Swedish letters', () => {
    expect(toWinAnsi('Σ nk − 1 ≥ 0 ÷ 2 · åäö ÅÄÖ é – † ✓')).toBe('sum nk - 1 >= 0 ÷ 2 · åäö ÅÄÖ é – † ?');
  });
});

describe('long lists', () => {
  it('prints the first 40 tie changes in the HTML and the PDF, with a sentence, and keeps them all in the CSV', async () => {
    const base = sampleReport();
    const many = Array.from({ length: 45 }, (_, i) => ({ ...base.tieChanges[0], date: `2022-08-${String((i % 28) + 1).padStart(2, '0')}`, target: { id: `t${i}`, name: `Partner ${i}`, sector: 'PUBLIC' as const } }));
    const report = sampleReport({ tieChanges: many });
    const html = await reportHtml(report);
    expect(html).toContain('Partner 39<');
    expect(html).not.toContain('Partner 40<');
    expect(html).toContain('De första 40 av 45 raderna visas');
    const csv = reportCsvFiles(report, 'b').find((file) => file.name === 'b_tie_changes.csv')?.content ?? '';
    expect(csv.trim().split('\r\n')).toHaveLength(46);
    expect(pdfPages(await reportPdf(report)).join('\n')).toContain('De första 40 av 45 raderna visas');
  });
});
