import fs from 'node:fs';
import path from 'node:path';
import { UnreadableFileError } from '../problems';
import { readCsv } from './csvSource';
import { readJson } from './jsonSource';
import { readXlsx } from './xlsxSource';
import type { SourceOptions, SourceTable } from './sourceTable';

export type ImportFormat = 'csv' | 'xlsx' | 'json';

/** The format from the first bytes (a zip is XLSX, `[` or `{` is JSON), checked against the file name's extension. */
export function detectFormat(filePath: string, fileName: string): ImportFormat {
  const fd = fs.openSync(filePath, 'r');
  const head = Buffer.alloc(512);
  const read = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  if (read === 0) throw new UnreadableFileError('The file is empty: it needs a header row naming the columns, then one row per record. See the templates in templates/import/.', null, 'empty');
  const extension = path.extname(fileName).toLowerCase();
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (isZip) return 'xlsx';
  if (extension === '.xlsx' || extension === '.xls') {
    throw new UnreadableFileError(`${fileName.slice(0, 60)} is not an .xlsx workbook (old .xls files are not read): save it as .xlsx or CSV UTF-8.`, null, 'format');
  }
  const text = head.subarray(0, read).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (extension === '.json' || ((text.startsWith('[') || text.startsWith('{')) && extension !== '.csv')) return 'json';
  return 'csv';
}

/** The tables of a CSV, XLSX or JSON file, streamed where the format allows. */
export function readImportFile(filePath: string, options: SourceOptions): AsyncGenerator<SourceTable> {
  const format = detectFormat(filePath, options.fileName);
  if (format === 'xlsx') return readXlsx(filePath, options);
  if (format === 'json') return readJson(filePath, options);
  return readCsv(filePath, options);
}
