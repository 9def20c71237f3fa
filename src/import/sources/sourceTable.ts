import type { ImportKind } from '../kinds';

/** One row as read: its number as a spreadsheet shows it, and its cells as text. */
export interface SourceRow {
  row: number;
  cells: string[];
}

/**
 * One table of a file: a CSV file, a sheet of a workbook, or one kind's array in
 * JSON. `rows` must be read to its end before the next table is asked for: the
 * readers stream, and the tables share one underlying stream.
 */
export interface SourceTable {
  sheet: string | null;
  kind: ImportKind;
  header: string[];
  rows: AsyncIterable<SourceRow>;
}

export interface SourceOptions {
  /** The name the user gave the file (an upload's original name), for kind inference and messages. */
  fileName: string;
  /** The kind of a single-table file, when the user said so. */
  kind: ImportKind | null;
}

/** A cell as text: trimmed; dates as YYYY-MM-DD; rich text, hyperlinks and formulas by their shown value. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(cellText).join('|');
  if (typeof value === 'object') {
    const cell = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (cell.richText) return cell.richText.map((part) => part.text).join('').trim();
    if ('result' in cell) return cellText(cell.result);
    if ('text' in cell) return cellText(cell.text);
    if ('error' in cell) return '';
  }
  return String(value).trim();
}
