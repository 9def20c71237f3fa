import { quoteForError } from '../validation/quoteForError';

/** One thing wrong in a file: where, what was there, and what to do. */
export interface ImportProblem {
  file: string;
  sheet: string | null;
  /** The row as a spreadsheet numbers it (the header is row 1); for JSON, the item's position from 1. Null for the whole file. */
  row: number | null;
  column: string | null;
  /** What the cell held, quoted and cut like every error message (never a personal identity number). */
  value: string | null;
  /** A short name of the rule, for the counts. */
  rule: string;
  message: string;
}

/** The first `limit` problems in full; for all of them, a count per rule. */
export class ProblemCollector {
  readonly listed: ImportProblem[] = [];
  readonly countsByRule: Record<string, number> = {};
  total = 0;

  constructor(
    readonly file: string,
    private readonly limit = 1000,
  ) {}

  add(problem: Omit<ImportProblem, 'file' | 'value'> & { value?: string | null }, hideValue = false): void {
    this.total += 1;
    this.countsByRule[problem.rule] = (this.countsByRule[problem.rule] ?? 0) + 1;
    if (this.listed.length >= this.limit) return;
    const raw = problem.value ?? null;
    const value = raw === null || raw === '' ? raw : hideValue ? '(withheld)' : quoteForError(raw);
    this.listed.push({ file: this.file, sheet: problem.sheet, row: problem.row, column: problem.column, value, rule: problem.rule, message: problem.message });
  }
}

/** Thrown for a file that cannot be read at all (garbage, empty, no known sheet): reported as one problem. */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
  constructor(
    message: string,
    readonly sheet: string | null = null,
    readonly rule = 'unreadable',
  ) {
    super(message);
  }
}
