import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { PartnershipReport } from './reportModel';
import { textsFor } from './i18n';
import { appendixRows, printedTable, reportTables, type Cell, type ReportTable } from './tables';
import { reportCharts } from './charts';
import { reportNotes, reportTitle, sectionOrder, type SectionId } from './sections';
import { sectionTables } from './html';
import { toWinAnsi } from './winAnsi';

const MARGIN = 50;
const FOOTER = 28;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const COLOURS = { text: '#1a1a1a', muted: '#555555', rule: '#cccccc', head: '#eef1f5', revised: '#fff4d6', issued: '#8a5a00' };

type Doc = PDFKit.PDFDocument;

const bottom = (doc: Doc) => doc.page.height - MARGIN - FOOTER;
const width = (doc: Doc) => doc.page.width - 2 * MARGIN;

function ensureRoom(doc: Doc, needed: number): void {
  if (doc.y + needed > bottom(doc)) doc.addPage();
}

const cellText = (cell: Cell) => toWinAnsi(cell.issued === undefined ? cell.text : `${cell.text} † ${cell.issuedText ?? ''}`);

/**
 * Column widths: no column narrower than its longest word (so that no word is
 * broken), the rest of the page shared in proportion to what each column would
 * take unwrapped.
 */
function columnWidths(doc: Doc, table: ReportTable, rows: string[][]): number[] {
  const PAD = 8;
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  const measure = (text: string, font: string) => doc.font(font).fontSize(8).widthOfString(text);
  const minimum = table.columns.map((column, i) =>
    Math.max(...words(toWinAnsi(column)).map((word) => measure(word, BOLD)), ...rows.flatMap((row) => words(row[i]).map((word) => measure(word, FONT))), 10) + PAD,
  );
  const natural = table.columns.map((column, i) => Math.max(measure(toWinAnsi(column), BOLD), ...rows.map((row) => measure(row[i], FONT))) + PAD);
  const total = width(doc);
  const naturalSum = natural.reduce((a, b) => a + b, 0);
  if (naturalSum <= total) return natural.map((w) => (w * total) / naturalSum);
  const minimumSum = minimum.reduce((a, b) => a + b, 0);
  if (minimumSum >= total) return minimum.map((w) => (w * total) / minimumSum);
  const slack = natural.map((w, i) => Math.max(0, w - minimum[i]));
  const slackSum = slack.reduce((a, b) => a + b, 0);
  return minimum.map((w, i) => w + ((total - minimumSum) * slack[i]) / slackSum);
}

function drawRow(doc: Doc, texts: string[], widths: number[], options: { head?: boolean; fills?: Array<string | null>; numeric?: boolean[] }): void {
  doc.font(options.head ? BOLD : FONT).fontSize(8);
  const heights = texts.map((text, i) => doc.heightOfString(text, { width: widths[i] - 6 }));
  const height = Math.max(...heights) + 6;
  ensureRoom(doc, height);
  const top = doc.y;
  let x = MARGIN;
  texts.forEach((text, i) => {
    const fill = options.head ? COLOURS.head : (options.fills?.[i] ?? null);
    if (fill) doc.save().rect(x, top, widths[i], height).fill(fill).restore();
    doc.fillColor(COLOURS.text).font(options.head ? BOLD : FONT).fontSize(8);
    doc.text(text, x + 3, top + 3, { width: widths[i] - 6, align: options.numeric?.[i] ? 'right' : 'left', lineBreak: true });
    x += widths[i];
  });
  doc.save().moveTo(MARGIN, top + height).lineTo(MARGIN + width(doc), top + height).lineWidth(0.5).strokeColor(COLOURS.rule).stroke().restore();
  doc.x = MARGIN;
  doc.y = top + height;
}

function drawTable(doc: Doc, report: PartnershipReport, table: ReportTable): void {
  if (table.rows.length === 0) {
    doc.font(FONT).fontSize(9).fillColor(COLOURS.muted).text(toWinAnsi(textsFor(report.lang).none), MARGIN, doc.y, { width: width(doc) });
    doc.moveDown(0.5);
    return;
  }
  const rows = table.rows.map((row) => row.map((cell) => cellText(cell)));
  const widths = columnWidths(doc, table, rows);
  const header = table.columns.map(toWinAnsi);
  // A column of numbers has its heading on the right, over them.
  const numericColumns = table.columns.map((_, i) => table.rows.some((row) => row[i]?.num !== undefined));
  ensureRoom(doc, 40);
  drawRow(doc, header, widths, { head: true, numeric: numericColumns });
  table.rows.forEach((row, r) => {
    // A table that runs onto a new page repeats its header there.
    const fills = row.map((cell) => (cell.issued !== undefined ? COLOURS.revised : null));
    const probeHeight = Math.max(...rows[r].map((text, i) => doc.font(FONT).fontSize(8).heightOfString(text, { width: widths[i] - 6 }))) + 6;
    if (doc.y + probeHeight > bottom(doc)) {
      doc.addPage();
      drawRow(doc, header, widths, { head: true, numeric: numericColumns });
    }
    drawRow(doc, rows[r], widths, { fills, numeric: numericColumns });
  });
  doc.moveDown(0.8);
}

/** A wide table as one two-column block per row (the method blocks have too many long columns for A4). */
function drawBlocks(doc: Doc, report: PartnershipReport, table: ReportTable): void {
  const { name: label, value } = textsFor(report.lang).columns;
  for (const row of table.rows) {
    const rows = row.map((cell, i) => [{ text: table.columns[i], csv: table.columns[i] }, cell]);
    ensureRoom(doc, 120);
    drawTable(doc, report, { id: `${table.id}-block`, title: table.title, columns: [label, value], rows });
  }
}

function paragraph(doc: Doc, text: string, options: { size?: number; colour?: string; font?: string } = {}): void {
  doc.font(options.font ?? FONT).fontSize(options.size ?? 9).fillColor(options.colour ?? COLOURS.text);
  ensureRoom(doc, doc.heightOfString(toWinAnsi(text), { width: width(doc) }));
  doc.text(toWinAnsi(text), MARGIN, doc.y, { width: width(doc) });
  doc.moveDown(0.4);
}

function chart(doc: Doc, svg: string, w: number, h: number): void {
  ensureRoom(doc, h + 10);
  // Vega writes negative axis labels with U+2212, which the standard fonts lack.
  SVGtoPDF(doc, svg.replace(/−/g, '-'), MARGIN, doc.y, {
    width: w,
    height: h,
    preserveAspectRatio: 'xMinYMin meet',
    fontCallback: (_family, bold) => (bold ? BOLD : FONT),
    warningCallback: () => undefined,
  });
  doc.x = MARGIN;
  doc.y += h + 10;
}

/**
 * The report as an A4 PDF: vector charts (svg-to-pdfkit), the standard Helvetica
 * (its WinAnsi encoding covers å, ä and ö), a table of contents on the first page
 * with each section's page, bookmarks, and "page n of m" on every page.
 */
export async function reportPdf(report: PartnershipReport): Promise<Buffer> {
  const t = textsFor(report.lang);
  const tables = new Map(reportTables(report).map((table) => [table.id, table]));
  const charts = await reportCharts(report);
  const notes = reportNotes(report);
  const { title, subtitle, asOfLine } = reportTitle(report);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    lang: report.lang === 'SV' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    info: { Title: toWinAnsi(`${title}: ${subtitle}`), Author: 'Samverkan', Subject: toWinAnsi(asOfLine), CreationDate: new Date(report.generatedAt), Keywords: `graph version ${report.graphVersion}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font(BOLD).fontSize(22).fillColor(COLOURS.text).text(toWinAnsi(title), MARGIN, MARGIN);
  doc.font(FONT).fontSize(13).text(toWinAnsi(subtitle));
  doc.fontSize(9).fillColor(COLOURS.muted).text(toWinAnsi(asOfLine));
  doc.moveDown(1);
  doc.font(BOLD).fontSize(12).fillColor(COLOURS.text).text(toWinAnsi(t.contents));
  // The contents are written once every section's page is known.
  const tocTop = doc.y + 4;
  const TOC_LINE = 14;
  doc.y = tocTop + sectionOrder.length * TOC_LINE + 16;

  const pageOf: Partial<Record<SectionId, number>> = {};
  for (const id of sectionOrder) {
    // The charts and the appendix start a page of their own; the rest follow on.
    if (id !== 'headline' && (id === 'matrix' || id === 'appendix' || doc.y > bottom(doc) - 120)) doc.addPage();
    pageOf[id] = doc.bufferedPageRange().count;
    doc.outline.addItem(toWinAnsi(t.sections[id]));
    doc.font(BOLD).fontSize(14).fillColor(COLOURS.text).text(toWinAnsi(t.sections[id]), MARGIN, doc.y);
    doc.moveDown(0.4);
    for (const note of notes[id] ?? []) paragraph(doc, note, { colour: COLOURS.muted });
    if (id === 'matrix') chart(doc, charts.matrix, 290, 290);
    if (id === 'trend') chart(doc, charts.trend, 460, 260);
    for (const tableId of sectionTables(id)) {
      const table = tables.get(tableId);
      if (!table) continue;
      if (tableId === 'methods') drawBlocks(doc, report, table);
      else if (id === 'appendix' && tableId === 'appendix') drawTable(doc, report, { ...table, rows: appendixRows(report, true) });
      else {
        const printed = printedTable(report, table);
        drawTable(doc, report, printed.table);
        if (printed.note) paragraph(doc, printed.note, { colour: COLOURS.muted });
      }
    }
    doc.moveDown(0.6);
  }

  const range = doc.bufferedPageRange();
  doc.switchToPage(0);
  sectionOrder.forEach((id, i) => {
    const y = tocTop + i * TOC_LINE;
    doc.font(FONT).fontSize(10).fillColor(COLOURS.text);
    doc.text(toWinAnsi(`${i + 1}. ${t.sections[id]}`), MARGIN + 10, y, { width: width(doc) - 60, lineBreak: false });
    doc.text(String(pageOf[id] ?? ''), MARGIN, y, { width: width(doc), align: 'right', lineBreak: false });
  });
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing in the bottom margin would make PDFKit start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT).fontSize(8).fillColor(COLOURS.muted);
    doc.text(toWinAnsi(`${title} · ${subtitle}`), MARGIN, doc.page.height - MARGIN, { width: width(doc) / 2, lineBreak: false });
    doc.text(toWinAnsi(t.page(i + 1, range.count)), MARGIN, doc.page.height - MARGIN, { width: width(doc), align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return finished;
}
