import ExcelJS from 'exceljs';
import type { PartnershipReport } from './reportModel';
import { textsFor } from './i18n';
import { appendixRows, reportTables } from './tables';

/** Excel limits sheet names to 31 characters without []:*?/\. */
const sheetName = (id: string) => id.slice(0, 31);

/**
 * The workbook: one sheet per table (named by the table's id), numbers stored
 * as numbers, a withheld value as its text ("< 5", "undertryckt"), and a
 * revised figure highlighted with its issued value in a note.
 */
export async function reportXlsx(report: PartnershipReport): Promise<Buffer> {
  const t = textsFor(report.lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samverkan';
  workbook.created = new Date(report.generatedAt);
  workbook.modified = new Date(report.generatedAt);
  workbook.title = `${t.title}: ${report.area?.name ?? t.wholeCity}, ${report.period.label}`;
  for (const table of reportTables(report)) {
    const rows = table.id === 'appendix' ? appendixRows(report, true) : table.rows;
    const sheet = workbook.addWorksheet(sheetName(table.id), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of rows) {
      const added = sheet.addRow(row.map((cell) => (cell.num !== undefined ? cell.num : cell.text)));
      row.forEach((cell, i) => {
        // The same digits as the other renderings: 0.750, not 0.75.
        if (cell.num !== undefined && cell.decimals) added.getCell(i + 1).numFmt = `0.${'0'.repeat(cell.decimals)}`;
        if (cell.issued === undefined) return;
        const target = added.getCell(i + 1);
        target.note = t.revised(cell.issuedText ?? String(cell.issued));
        target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4D6' } };
      });
    }
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(table.columns[i]?.length ?? 0, ...rows.map((row) => row[i]?.text.length ?? 0));
      column.width = Math.min(Math.max(longest + 2, 8), 60);
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
