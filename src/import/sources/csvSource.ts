import fs from 'node:fs';
import { Transform, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { UnreadableFileError } from '../problems';
import { kindOfHeader, kindOfName } from '../kinds';
import type { SourceOptions, SourceRow, SourceTable } from './sourceTable';

/** The delimiter the header line uses most, outside quotes: Swedish Excel writes `;`, others `,`. */
export function sniffDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as keyof typeof counts] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/** Reads the first line (BOM dropped) without reading the whole file. */
async function firstLine(path: string): Promise<string> {
  const stream = fs.createReadStream(path, { start: 0, end: 64 * 1024 - 1 });
  let text = '';
  for await (const chunk of stream) text += (chunk as Buffer).toString('utf8');
  return text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
}

/** Fails the stream on bytes that are not UTF-8 text (NUL, invalid sequences): a binary file, or another encoding. */
function utf8Guard(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        decoder.decode(chunk, { stream: true });
        if (chunk.includes(0)) throw new Error('NUL');
      } catch {
        done(new UnreadableFileError('The file is not UTF-8 text: it looks binary or uses another encoding. Save it as "CSV UTF-8" (Excel: Save as → CSV UTF-8), as .xlsx, or as JSON.', null, 'encoding'));
        return;
      }
      done(null, chunk);
    },
  });
}

/** The lines a record takes: one, and one more for each line break inside its quoted cells. */
export function linesOf(cells: readonly string[]): number {
  let lines = 1;
  for (const cell of cells) {
    for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) lines += 1;
  }
  return lines;
}

/** A CSV file as one table; its kind from the option, the file name or the header. */
export async function* readCsv(path: string, options: SourceOptions): AsyncGenerator<SourceTable> {
  const delimiter = sniffDelimiter(await firstLine(path));
  // Without csv-parse's `info`: it copies two objects per record, half of the parser's
  // time on a tie file. The line a record starts on is counted here instead (linesOf),
  // so empty lines come through as [''] and are skipped below rather than by the parser.
  const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: false, trim: true, max_record_size: 1024 * 1024 });
  let failure: unknown = null;
  pipeline(fs.createReadStream(path), utf8Guard(), parser, (error) => {
    if (!error) return;
    failure ??= error;
    parser.destroy(error);
  });
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const next = async () => {
    try {
      return await iterator.next();
    } catch (caught) {
      const error = failure ?? caught;
      if (error instanceof UnreadableFileError) throw error;
      throw new UnreadableFileError(`The CSV could not be parsed: ${(error as Error).message.split('\n')[0].slice(0, 200)}. Check quotes and the delimiter.`, null, 'csvSyntax');
    }
  };
  const blank = (cells: readonly string[]) => cells.length === 1 && cells[0] === '';
  // The line the next record starts on; blank lines before the header are passed over.
  let line = 1;
  let first = await next();
  while (!first.done && blank(first.value)) {
    line += 1;
    first = await next();
  }
  if (first.done) throw new UnreadableFileError('The file is empty: it needs a header row naming the columns, then one row per record. See the templates in templates/import/.', null, 'empty');
  const header = first.value;
  const kind = options.kind ?? kindOfName(options.fileName) ?? kindOfHeader(header);
  if (!kind) {
    throw new UnreadableFileError(
      `Neither the file name nor the header row says what this file holds (header: ${header.slice(0, 6).join(', ').slice(0, 120)}). Name the kind with --kind (actors, areas, memberships, initiatives, participations, collaborations) or use a template's header.`,
      null,
      'unknownKind',
    );
  }
  async function* rows(): AsyncGenerator<SourceRow> {
    line += linesOf(header);
    for (;;) {
      const item = await next();
      if (item.done) return;
      const cells = item.value;
      const row = line;
      line += linesOf(cells);
      if (!blank(cells)) yield { row, cells };
    }
  }
  yield { sheet: null, kind, header, rows: rows() };
}
