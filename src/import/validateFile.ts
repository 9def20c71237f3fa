import path from 'node:path';
import type { Principal } from '../auth/principal';
import { KIND_SPECS, mapHeader, type ImportKind } from './kinds';
import { FileState } from './fileState';
import { ProblemCollector, UnreadableFileError } from './problems';
import { checkRow, refusePersonalIdentityNumbers, type ReportProblem } from './rowRules';
import { readImportFile } from './sources/readImportFile';
import { SpillWriter } from './spill';
import type { ImportRecord, SpilledRecord } from './records';
import { TieLookahead, type StoredTieCheck } from './tieLookahead';

export interface FirstPass {
  state: FileState;
  spills: Partial<Record<ImportKind, SpillWriter>>;
  rowsRead: Partial<Record<ImportKind, number>>;
  /** Whether every spilled tie row was looked up in the database already (`stored` on the row when it met a stored tie). */
  tiesLookedUp: boolean;
}

export interface FirstPassOptions {
  filePath: string;
  fileName: string;
  kind: ImportKind | null;
  principal: Principal;
  problems: ProblemCollector;
  workDir: string;
  /** Called every few thousand rows, for progress. */
  onRows?: (rows: number) => void;
  /**
   * Looks up the stored ties a batch of tie rows meets (tieLookahead.ts), while the
   * file is still being read; without it the second pass does so afterwards.
   */
  lookUpTies?: (batch: SpilledRecord[]) => Promise<StoredTieCheck[]>;
}

const ADMIN_ONLY: ReadonlySet<ImportKind> = new Set(['areas', 'initiatives']);

/** An EDITOR's limits that a row alone shows (the rest need the database: see checkAgainstDatabase). */
function editorRefusal(record: ImportRecord, principal: Principal): { column: string; message: string } | null {
  if (principal.role === 'ADMIN' || record.kind !== 'actors') return null;
  if (record.actorKind !== 'CITIZEN' && !principal.organisations.includes(record.id)) {
    return { column: 'id', message: `creating or changing organisations other than your own (${principal.organisations.join(', ') || 'none'}) needs the ADMIN role; an EDITOR may update its own organisations and register citizens.` };
  }
  if (record.actorKind === 'CITIZEN' && !principal.organisations.includes(record.registeredBy ?? '')) {
    return { column: 'registeredBy', message: `must be one of your organisations (${principal.organisations.join(', ') || 'none'}): an EDITOR registers citizens for its own organisations.` };
  }
  return null;
}

/**
 * The first pass: every row of every table is read once, as a stream, checked on
 * its own (columns, enums, dates, numbers, stored-text rules, personal identity
 * numbers) and against the file so far (duplicates, overlapping ties); the good
 * rows go to a spill file per kind. Nothing is written to the database.
 */
export async function validateFile(options: FirstPassOptions): Promise<FirstPass> {
  const { problems, principal } = options;
  const state = new FileState();
  const spills: FirstPass['spills'] = {};
  const rowsRead: FirstPass['rowsRead'] = {};
  let total = 0;
  let ties: TieLookahead | null = null;
  try {
    for await (const table of readImportFile(options.filePath, { fileName: options.fileName, kind: options.kind })) {
      const { sheet, kind } = table;
      const mapped = mapHeader(kind, table.header);
      const at = (column: string | null) => (column ? `column ${column}` : 'the header');
      const tableProblem = (column: string | null, rule: string, message: string) => problems.add({ sheet, row: 1, column, rule, message: `Row 1 (${at(column)}): ${message}` });
      const missing = KIND_SPECS[kind].columns.filter((column) => column.required && !mapped.columns.includes(column.key));
      for (const column of missing) tableProblem(column.key, 'header', `the header has no column "${column.key}" (Swedish "${column.sv}"), which ${kind} need. Add it, or start from the template in templates/import/.`);
      for (const header of mapped.unknown) tableProblem(header.slice(0, 40), 'header', `"${header.slice(0, 40)}" is not a column of ${kind}. Rename it to one of ${KIND_SPECS[kind].columns.map((c) => c.key).join(', ')} (or the Swedish names), or remove it.`);
      for (const header of mapped.duplicated) tableProblem(header.slice(0, 40), 'header', `"${header.slice(0, 40)}" names a column that appears twice; keep one.`);
      const headerOk = missing.length === 0 && mapped.unknown.length === 0 && mapped.duplicated.length === 0;
      const spill = (spills[kind] ??= new SpillWriter(path.join(options.workDir, `${kind}.ndjson`)));
      if (kind === 'collaborations' && options.lookUpTies) ties ??= new TieLookahead(options.lookUpTies, spill);
      // One reporter for the table, for the row being checked: not a closure per row of a million-row file.
      let row = 0;
      const report: ReportProblem = (column, value, rule, message) =>
        problems.add({ sheet, row, column, value, rule, message: `Row ${row}, ${at(column)}: ${column && !message.startsWith(column) ? `${column} ` : ''}${message}` }, rule === 'personalIdentityNumber');
      for await (const source of table.rows) {
        row = source.row;
        const cells = source.cells;
        rowsRead[kind] = (rowsRead[kind] ?? 0) + 1;
        total += 1;
        if (total % 5000 === 0) options.onRows?.(total);
        if (!headerOk) continue;
        if (cells[0] === '\u0000not-an-object') {
          report(null, null, 'jsonShape', 'is not an object: each record is an object of column names and values.');
          continue;
        }
        const byKey: Record<string, string> = {};
        for (let index = 0; index < cells.length; index++) {
          const cell = cells[index];
          const key = mapped.columns[index] ?? table.header[index] ?? `column ${index + 1}`;
          if (cell === '\u0000nested') report(key, null, 'jsonShape', 'holds an object; give a plain value (text, number, or a list for areaIds and sdgs).');
          else if (cell !== '') byKey[key] = cell;
        }
        if (Object.keys(byKey).length === 0) continue;
        if (!refusePersonalIdentityNumbers(byKey, report)) continue;
        if (principal.role !== 'ADMIN' && ADMIN_ONLY.has(kind)) {
          report(null, null, 'forbidden', `importing ${kind} needs the ADMIN role; your role is ${principal.role}.`);
          continue;
        }
        let record = checkRow(kind, byKey, report);
        if (!record) continue;
        if (record.kind === 'actors' && record.actorKind === 'CITIZEN' && record.registeredBy === null && principal.role !== 'ADMIN' && principal.organisations.length > 0) {
          // As createActor does: an editor's citizen is registered by its (first) organisation.
          record = { ...record, registeredBy: principal.organisations[0] };
        }
        const refusal = editorRefusal(record, principal);
        if (refusal) {
          report(refusal.column, byKey[refusal.column] ?? null, 'forbidden', refusal.message);
          continue;
        }
        if (!state.admit(record, report)) continue;
        if (ties && record.kind === 'collaborations') {
          if (ties.push({ sheet, row, record })) await ties.send();
        } else {
          spill.write({ sheet, row, record });
        }
      }
    }
    await ties?.finish();
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    problems.add({ sheet: error.sheet, row: null, column: null, rule: error.rule, message: error.message });
    // The rows read before the file broke still reach the spill (--partial writes them).
    await ties?.finish();
  } finally {
    for (const spill of Object.values(spills)) spill.close();
  }
  if (total === 0 && problems.total === 0) {
    problems.add({ sheet: null, row: null, column: null, rule: 'empty', message: 'The file has a header but no rows: add one row per record under the header.' });
  }
  return { state, spills, rowsRead, tiesLookedUp: ties !== null };
}

