import ExcelJS from 'exceljs';
import { UnreadableFileError } from '../problems';
import { kindOfHeader, kindOfName, KIND_SPECS, IMPORT_KINDS } from '../kinds';
import { cellText, type SourceOptions, type SourceRow, type SourceTable } from './sourceTable';

interface StreamedRow {
  number: number;
  values: unknown[] | Record<string, unknown>;
}

function cellsOf(row: StreamedRow): string[] {
  // exceljs numbers cells from 1; index 0 of `values` is always empty.
  const values = Array.isArray(row.values) ? row.values.slice(1) : Object.values(row.values);
  return Array.from(values, cellText);
}

const SHEET_NAMES = IMPORT_KINDS.map((kind) => `${kind} (${KIND_SPECS[kind].names[1]})`).join(', ');

/**
 * A workbook, read as a stream (exceljs WorkbookReader; styles are read so that
 * date cells arrive as dates, not serial numbers): a sheet per kind, named
 * in English or Swedish. A workbook with one sheet may name its kind otherwise
 * (--kind, the file name, or the header). Empty sheets are skipped.
 */
export async function* readXlsx(path: string, options: SourceOptions): AsyncGenerator<SourceTable> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
  let sheets = 0;
  let tables = 0;
  try {
    for await (const worksheet of reader as AsyncIterable<AsyncIterable<StreamedRow> & { name: string }>) {
      sheets += 1;
      const iterator = worksheet[Symbol.asyncIterator]();
      let first = await iterator.next();
      while (!first.done && cellsOf(first.value).every((cell) => cell === '')) first = await iterator.next();
      if (first.done) continue;
      const header = cellsOf(first.value);
      const named = kindOfName(worksheet.name);
      const kind = named ?? (sheets === 1 ? (options.kind ?? kindOfName(options.fileName) ?? kindOfHeader(header)) : null);
      if (!kind) {
        throw new UnreadableFileError(`Sheet "${worksheet.name.slice(0, 40)}" is not named after a kind. Name each sheet after what it holds: ${SHEET_NAMES}.`, worksheet.name, 'sheetName');
      }
      tables += 1;
      async function* rows(): AsyncGenerator<SourceRow> {
        for (;;) {
          const item = await iterator.next();
          if (item.done) return;
          yield { row: item.value.number, cells: cellsOf(item.value) };
        }
      }
      yield { sheet: worksheet.name, kind, header, rows: rows() };
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(`The workbook could not be read (${(error as Error).message.split('\n')[0].slice(0, 120)}). Save it again from Excel or LibreOffice as .xlsx.`, null, 'xlsxSyntax');
  }
  if (tables === 0) throw new UnreadableFileError('The workbook has no rows: add a header row and data to a sheet named after its kind.', null, 'empty');
}
