import fs from 'node:fs';
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

async function* prepend<T>(first: IteratorResult<T>, rest: AsyncIterator<T>): AsyncGenerator<T> {
  for (let item = first; !item.done; item = await rest.next()) yield item.value;
}

/** The largest workbook read whole (when it cannot be streamed). */
export const MAX_WHOLE_XLSX_BYTES = 20 * 1024 * 1024;

async function wholeWorkbook(path: string): Promise<AsyncIterable<AsyncIterable<StreamedRow> & { name: string }>> {
  if (fs.statSync(path).size > MAX_WHOLE_XLSX_BYTES) {
    throw new UnreadableFileError(`This workbook stores its sheet list after the sheets, so it cannot be streamed, and it is larger than ${MAX_WHOLE_XLSX_BYTES / 1048576} MB. Save it again from Excel or LibreOffice, or export each sheet as CSV UTF-8.`, null, 'xlsxSyntax');
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  async function* sheets() {
    for (const sheet of workbook.worksheets) {
      const rows: StreamedRow[] = [];
      sheet.eachRow((row, number) => rows.push({ number, values: row.values as unknown[] }));
      yield Object.assign((async function* () {
        yield* rows;
      })(), { name: sheet.name });
    }
  }
  return sheets();
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
    let worksheets: AsyncIterable<AsyncIterable<StreamedRow> & { name: string }> = reader as never;
    try {
      const iterator = worksheets[Symbol.asyncIterator]();
      const first = await iterator.next();
      worksheets = prepend(first, iterator);
    } catch (error) {
      // exceljs's streaming reader needs xl/workbook.xml before the sheets end; some
      // writers (exceljs itself) put it last. Such a workbook is read whole, capped.
      if (!(error instanceof TypeError)) throw error;
      worksheets = await wholeWorkbook(path);
    }
    for await (const worksheet of worksheets) {
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
