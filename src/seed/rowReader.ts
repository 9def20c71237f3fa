/**
 * Reads typed fields from the rows of the seed's JSON files: a wrong field is
 * recorded as a problem (file, row and key) and a placeholder returned, so that
 * one pass lists every problem of a dataset.
 */

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Reads typed fields from one JSON row; a wrong field is recorded as a problem and a placeholder returned. */
export class RowReader {
  private readonly row: Record<string, unknown>;

  constructor(raw: unknown, private readonly where: string, private readonly problems: string[]) {
    this.row = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    if (this.row !== raw) problems.push(`${where}: expected an object`);
  }

  text(key: string): string {
    const value = this.row[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
    return this.fail(key, 'a non-empty string', '');
  }

  textOrNull(key: string): string | null {
    return this.row[key] === null || this.row[key] === undefined ? null : this.text(key);
  }

  id(key: string): string {
    const value = this.text(key);
    return ID.test(value) || value === '' ? value : this.fail(key, 'a kebab-case id', value);
  }

  idList(key: string): string[] {
    const value = this.row[key];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string' && ID.test(item))) return value as string[];
    return this.fail(key, 'a list of kebab-case ids', []);
  }

  date(key: string): string {
    const value = this.row[key];
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    return this.fail(key, 'a YYYY-MM-DD date', '1970-01-01');
  }

  dateOrNull(key: string): string | null {
    return this.row[key] === null || this.row[key] === undefined ? null : this.date(key);
  }

  bool(key: string): boolean {
    const value = this.row[key];
    return typeof value === 'boolean' ? value : this.fail(key, 'true or false', false);
  }

  int(key: string, min: number, max: number): number {
    const value = this.row[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    return this.fail(key, `a whole number from ${min} to ${max}`, min);
  }

  intList(key: string, min: number, max: number): number[] {
    const value = this.row[key];
    if (Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isInteger(item) && item >= min && item <= max)) {
      return value as number[];
    }
    return this.fail(key, `a list of whole numbers from ${min} to ${max}`, []);
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T {
    const value = this.row[key];
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    return this.fail(key, `one of ${values.join(', ')}`, values[0]);
  }

  absent(key: string): void {
    if (this.row[key] !== undefined && this.row[key] !== null) this.problems.push(`${this.where}.${key}: not allowed on this kind of row`);
  }

  private fail<T>(key: string, expected: string, placeholder: T): T {
    this.problems.push(`${this.where}.${key}: expected ${expected}, got ${JSON.stringify(this.row[key])}`);
    return placeholder;
  }
}
