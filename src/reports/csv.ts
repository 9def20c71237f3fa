import type { PartnershipReport } from './reportModel';
import { reportTables, type Cell, type ReportTable } from './tables';

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const csvCell = (cell: Cell) => (cell.issued === undefined ? cell.csv : `${cell.csv} († ${cell.issued})`);

/** One table as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so that Excel reads å, ä and ö). */
export function tableCsv(table: ReportTable): string {
  const lines = [table.columns.map(quote).join(','), ...table.rows.map((row) => row.map((cell) => quote(csvCell(cell))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The CSV set: one file per table, named `<base>_<table id>.csv`. It holds no
 * generation time and no engine, so the same period, area, language, caller's
 * view and graph version give byte-identical files.
 */
export function reportCsvFiles(report: PartnershipReport, base: string): Array<{ name: string; content: string }> {
  return reportTables(report, { forCsv: true }).map((table) => ({ name: `${base}_${table.id}.csv`, content: tableCsv(table) }));
}
