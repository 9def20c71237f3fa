import type { PartnershipReport } from './reportModel';
import { textsFor } from './i18n';
import { appendixRows, printedTable, reportTables, type Cell, type ReportTable } from './tables';
import { reportCharts } from './charts';
import { reportNotes, reportTitle, sectionOrder, type SectionId } from './sections';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Vega writes an `xlink` namespace and a white background; the page needs neither a second XML prolog nor links. */
const inlineSvg = (svg: string) => svg.replace(/^<\?xml[^>]*>/, '');

function cellHtml(report: PartnershipReport, cell: Cell, numeric: boolean): string {
  const t = textsFor(report.lang);
  const classes = [numeric && cell.num !== undefined ? 'num' : '', cell.issued !== undefined ? 'revised' : ''].filter(Boolean).join(' ');
  const issued = cell.issuedText ?? '';
  const mark = cell.issued === undefined ? '' : ` <span class="issued" title="${escape(t.revised(issued))}">† ${escape(issued)}</span>`;
  return `<td${classes ? ` class="${classes}"` : ''}>${escape(cell.text)}${mark}</td>`;
}

function tableHtml(report: PartnershipReport, table: ReportTable): string {
  if (table.rows.length === 0) return `<p class="empty">${escape(textsFor(report.lang).none)}</p>`;
  const head = table.columns.map((column) => `<th>${escape(column)}</th>`).join('');
  const body = table.rows.map((row) => `<tr>${row.map((cell) => cellHtml(report, cell, true)).join('')}</tr>`).join('\n');
  return `<table data-table="${table.id}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `
  :root { color-scheme: light; }
  body { font-family: Helvetica, Arial, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
  h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
  .sub { color: #555; margin-top: 0; }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.85rem; }
  th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
  th { background: #f2f4f7; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  td.revised { background: #fff4d6; } .issued { color: #8a5a00; font-size: 0.8em; }
  .note { color: #444; font-size: 0.85rem; } .chart svg { max-width: 100%; height: auto; }
  nav ol { padding-left: 1.2rem; } .empty { color: #777; font-style: italic; }
  @page { size: A4; margin: 18mm 15mm; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } section { break-inside: auto; } tr, .chart { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
`;

/**
 * One self-contained HTML file: inline CSS, the charts as inline SVG, no script,
 * no font or image from anywhere. It reads on screen and prints on A4.
 */
export async function reportHtml(report: PartnershipReport): Promise<string> {
  const t = textsFor(report.lang);
  const tables = new Map(reportTables(report).map((table) => [table.id, table]));
  const charts = await reportCharts(report);
  const notes = reportNotes(report);
  const { title, subtitle, asOfLine } = reportTitle(report);
  const sectionHtml = (id: SectionId): string => {
    const parts: string[] = [];
    for (const note of notes[id] ?? []) parts.push(`<p class="note">${escape(note)}</p>`);
    if (id === 'matrix') parts.push(`<div class="chart">${inlineSvg(charts.matrix)}</div>`);
    if (id === 'trend') parts.push(`<div class="chart">${inlineSvg(charts.trend)}</div>`);
    for (const tableId of sectionTables(id)) {
      const table = tables.get(tableId);
      if (!table) continue;
      if (id === 'appendix' && tableId === 'appendix') {
        parts.push(tableHtml(report, { ...table, rows: appendixRows(report, true) }));
        continue;
      }
      const printed = printedTable(report, table);
      parts.push(tableHtml(report, printed.table));
      if (printed.note) parts.push(`<p class="note">${escape(printed.note)}</p>`);
    }
    return `<section id="${id}"><h2>${escape(t.sections[id])}</h2>\n${parts.join('\n')}</section>`;
  };
  const toc = sectionOrder.map((id) => `<li><a href="#${id}">${escape(t.sections[id])}</a></li>`).join('');
  return `<!DOCTYPE html>
<html lang="${report.lang === 'SV' ? 'sv' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Samverkan">
<meta name="dcterms.created" content="${escape(report.generatedAt)}">
<title>${escape(`${title}: ${subtitle}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escape(title)}</h1><p class="sub">${escape(subtitle)}<br>${escape(asOfLine)}</p></header>
<nav><h2>${escape(t.contents)}</h2><ol>${toc}</ol></nav>
${sectionOrder.map(sectionHtml).join('\n')}
</body>
</html>
`;
}

/** Which tables each section shows. */
export function sectionTables(id: SectionId): string[] {
  switch (id) {
    case 'headline':
      return ['headline'];
    case 'matrix':
      return ['sector_actors', 'sector_matrix'];
    case 'trend':
      return ['trend'];
    case 'subAreas':
      return ['sub_areas'];
    case 'tieChanges':
      return ['tie_changes'];
    case 'initiatives':
      return ['initiatives'];
    case 'brokers':
      return ['brokers', 'structural_risks'];
    case 'appendix':
      return ['revisions', 'appendix', 'methods'];
  }
}
