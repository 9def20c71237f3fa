import fs from 'node:fs';
import { UnreadableFileError } from '../problems';
import { kindOfName, KIND_SPECS, IMPORT_KINDS, type ImportKind } from '../kinds';
import { cellText, type SourceOptions, type SourceRow, type SourceTable } from './sourceTable';

/**
 * JSON is parsed whole (no streaming JSON parser is among the kept libraries), so
 * it is capped: larger data goes in CSV or XLSX, which stream.
 */
export const MAX_JSON_BYTES = 20 * 1024 * 1024;

function tableOf(kind: ImportKind, sheet: string | null, items: unknown[]): SourceTable {
  // The header is the union of the items' keys, in first-seen order; a cell is the item's value under it.
  const header: string[] = [];
  const position = new Map<string, number>();
  for (const item of items) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const key of Object.keys(item)) if (!position.has(key)) position.set(key, header.push(key) - 1);
    }
  }
  async function* rows(): AsyncGenerator<SourceRow> {
    for (const [index, item] of items.entries()) {
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        yield { row: index + 1, cells: ['\u0000not-an-object'] };
        continue;
      }
      const cells = header.map(() => '');
      for (const [key, value] of Object.entries(item)) cells[position.get(key) ?? 0] = value !== null && typeof value === 'object' && !Array.isArray(value) ? '\u0000nested' : cellText(value);
      yield { row: index + 1, cells };
    }
  }
  return { sheet, kind, header, rows: rows() };
}

/** `[...]` of one kind, or `{"actors": [...], "samarbeten": [...]}` with a key per kind. */
export async function* readJson(path: string, options: SourceOptions): AsyncGenerator<SourceTable> {
  const size = fs.statSync(path).size;
  if (size > MAX_JSON_BYTES) {
    throw new UnreadableFileError(`The JSON file is ${Math.round(size / 1048576)} MB; JSON is read whole and capped at ${MAX_JSON_BYTES / 1048576} MB. Split it, or use CSV or XLSX, which are streamed.`, null, 'tooLarge');
  }
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UnreadableFileError(`The file is not valid JSON (${(error as Error).message.slice(0, 100)}).`, null, 'jsonSyntax');
  }
  if (Array.isArray(data)) {
    const kind = options.kind ?? kindOfName(options.fileName);
    if (!kind) throw new UnreadableFileError('A JSON array does not say what it holds: name the kind with --kind, or use an object with a key per kind, e.g. {"actors": [...]}.', null, 'unknownKind');
    if (data.length === 0) throw new UnreadableFileError('The JSON array is empty: there is nothing to import.', null, 'empty');
    yield tableOf(kind, null, data);
    return;
  }
  if (!data || typeof data !== 'object') throw new UnreadableFileError('The JSON must be an array of records, or an object with an array per kind.', null, 'jsonShape');
  const entries = Object.entries(data);
  if (entries.length === 0) throw new UnreadableFileError('The JSON object is empty: give an array per kind, e.g. {"actors": [...]}.', null, 'empty');
  for (const [key, items] of entries) {
    const kind = kindOfName(key);
    if (!kind) throw new UnreadableFileError(`JSON key "${key.slice(0, 40)}" is not a kind. Use ${IMPORT_KINDS.map((k) => `${k} (${KIND_SPECS[k].names[1]})`).join(', ')}.`, key, 'sheetName');
    if (!Array.isArray(items)) throw new UnreadableFileError(`JSON key "${key.slice(0, 40)}" must hold an array of records.`, key, 'jsonShape');
    yield tableOf(kind, key, items);
  }
}
