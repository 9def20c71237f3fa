import JSZip from 'jszip';
import type { PartnershipReport } from './reportModel';
import { reportCsvFiles, tableCsv } from './csv';
import { reportHtml } from './html';
import { reportPdf } from './pdf';
import { reportXlsx } from './xlsx';
import { reportTables } from './tables';
import { areaKeyOf } from './issuedReports';
import { BadUserInputError } from '../errors';

export const REPORT_FORMATS = ['pdf', 'html', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderedFile {
  name: string;
  contentType: string;
  content: Buffer;
}

/** `partnership-report_area-rosengard_2022-Q3_sv`: ASCII only, the same in every language's file system. */
export function reportBaseName(report: Pick<PartnershipReport, 'area' | 'period' | 'lang'>): string {
  return `partnership-report_${areaKeyOf(report.area?.id ?? null).replace(/[^A-Za-z0-9_-]/g, '_')}_${report.period.label}_${report.lang.toLowerCase()}`;
}

/** The ids of the CSV set's tables, for `table=` over HTTP. */
export function csvTableIds(report: PartnershipReport): string[] {
  return reportTables(report, { forCsv: true }).map((table) => table.id);
}

/** The CSV set as one zip: fixed entry dates, so the same CSV gives the same zip. */
async function csvZip(report: PartnershipReport, base: string): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(1980, 0, 1));
  for (const file of reportCsvFiles(report, base)) zip.file(file.name, file.content, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** One rendering of the report. For CSV: one table when `table` is given, else the set as a zip. */
export async function renderReport(report: PartnershipReport, format: ReportFormat, options: { table?: string } = {}): Promise<RenderedFile> {
  const base = reportBaseName(report);
  switch (format) {
    case 'html':
      return { name: `${base}.html`, contentType: 'text/html; charset=utf-8', content: Buffer.from(await reportHtml(report), 'utf8') };
    case 'pdf':
      return { name: `${base}.pdf`, contentType: 'application/pdf', content: await reportPdf(report) };
    case 'xlsx':
      return { name: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await reportXlsx(report) };
    case 'csv': {
      if (options.table === undefined) return { name: `${base}_csv.zip`, contentType: 'application/zip', content: await csvZip(report, base) };
      const table = reportTables(report, { forCsv: true }).find((candidate) => candidate.id === options.table);
      if (!table) throw new BadUserInputError(`table must be one of ${csvTableIds(report).join(', ')}; got "${options.table.slice(0, 40)}".`, 'table');
      return { name: `${base}_${table.id}.csv`, contentType: 'text/csv; charset=utf-8', content: Buffer.from(tableCsv(table), 'utf8') };
    }
  }
}

/** Checks a list of formats such as `pdf,html,xlsx`; BAD_USER_INPUT naming `field` otherwise. */
export function parseFormats(raw: string, field = 'format'): ReportFormat[] {
  const formats = raw.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.find((format) => !(REPORT_FORMATS as readonly string[]).includes(format));
  if (formats.length === 0 || unknown !== undefined) {
    throw new BadUserInputError(`${field} must be one or more of ${REPORT_FORMATS.join(', ')} (comma-separated); got "${(unknown ?? raw).slice(0, 40)}".`, field);
  }
  return [...new Set(formats)] as ReportFormat[];
}
