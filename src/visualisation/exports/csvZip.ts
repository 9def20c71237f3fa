import JSZip from 'jszip';
import type { NetworkPayload } from '../networkService';

/**
 * One CSV cell: quoted when it holds a comma, quote or line break (RFC 4180),
 * and a text starting with = + - @ (or a tab or carriage return) prefixed with '
 * so that a spreadsheet shows it instead of running it as a formula. Numbers are
 * written as numbers: a negative coordinate stays a number.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvOf = (rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string => `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

/**
 * nodes.csv + edges.csv in the column shape Kumu, Polinode and Excel import
 * (Id/Label … and From/To/Type …), UTF-8 with a byte-order mark for Excel, in one zip.
 */
export async function networkCsvZip(payload: NetworkPayload): Promise<Buffer> {
  const nodes = csvOf([
    ['Id', 'Label', 'Sector', 'Kind', 'Areas', 'Degree', 'Betweenness', 'Community', 'Brokerage role', 'X', 'Y', 'Start', 'End'],
    ...payload.nodes.map((n) => [n.id, n.label, n.sector, n.kind, n.areas.join(';'), n.degree, n.betweenness, n.community, n.brokerageRole, n.x, n.y, n.start, n.end]),
  ]);
  const edges = csvOf([
    ['From', 'To', 'Type', 'Strength', 'Since', 'Until', 'Crosses sectors', 'Id'],
    ...payload.edges.map((e) => [e.source, e.target, e.kind, e.strength, e.since, e.until, e.crossesSectors, e.id]),
  ]);
  const zip = new JSZip();
  // A fixed date: the same network gives a byte-identical zip.
  const date = new Date(Date.UTC(2000, 0, 1));
  zip.file('nodes.csv', nodes, { date });
  zip.file('edges.csv', edges, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
