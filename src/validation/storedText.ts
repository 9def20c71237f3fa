import { BadUserInputError } from '../errors';
import { findPersonalIdentityNumber } from './personalIdentityNumber';
import type { FieldWrapper } from '../auth/authDirective';

/**
 * One rule for every string a mutation receives, whatever the field: the
 * measured leaks (personal identity numbers in area ids and websites, NUL and
 * bidi overrides in names, a 200 KB website) all came from fields that a
 * per-field check had forgotten. The schema layer runs `guardMutationArgs`
 * before every Mutation resolver, so a new field is covered without anyone
 * remembering to cover it.
 */

/** How a string is treated, chosen by its argument or input field name. */
export type StoredTextKind = 'id' | 'freeText' | 'website' | 'text';

export const STORED_TEXT_MAX_LENGTH: Readonly<Record<StoredTextKind, number>> = {
  id: 100,
  // Initiatives have long accepted 4000 characters of description; the generic cap must not undercut them.
  freeText: 4000,
  website: 2000,
  text: 2000,
};

// Field names that hold several lines of prose; everything else is one line.
const FREE_TEXT_FIELDS = new Set(['description', 'purpose', 'notes', 'note', 'comment', 'reason']);
const WEBSITE_FIELDS = new Set(['website', 'url']);

/** The kind of a field from its name: ids are `id`, `…Id`, `…Ids` and `registeredBy`, as in the SDL. */
export function kindOfField(name: string): StoredTextKind {
  if (name === 'id' || name === 'ids' || name.endsWith('Id') || name.endsWith('Ids') || name === 'registeredBy') return 'id';
  if (FREE_TEXT_FIELDS.has(name)) return 'freeText';
  if (WEBSITE_FIELDS.has(name)) return 'website';
  return 'text';
}

interface Refusal {
  pattern: RegExp;
  describe: (codePoint: string) => string;
}

const hex = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

// Checked in this order; the `u` flag makes [\ud800-\udfff] match only unpaired surrogates.
const ALWAYS_REFUSED: Refusal[] = [
  { pattern: /[\u0000-\u0008\u000b-\u001f\u007f]/u, describe: (c) => `a control character (${c}); terminal escapes such as ESC[31m and NUL are refused` },
  { pattern: /[\u0080-\u009f]/u, describe: (c) => `a C1 control character (${c})` },
  { pattern: /[\u202a-\u202e\u2066-\u2069]/u, describe: (c) => `a bidirectional override or isolate (${c}), which makes text display differently from how it is stored` },
  { pattern: /[\ud800-\udfff]/u, describe: (c) => `an unpaired UTF-16 surrogate (${c}), which is not valid Unicode text` },
  { pattern: /[\ufdd0-\ufdef\ufffe\uffff]|[\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/u, describe: (c) => `a noncharacter (${c})` },
];
const LINE_BREAK_OR_TAB = /[\t\n]/u;

function refuse(path: string, what: string, kind: StoredTextKind, index: number): never {
  const fix = kind === 'freeText' ? 'remove it; line breaks and tabs are the only control characters allowed here' : 'remove it; this field takes one line of printable text';
  throw new BadUserInputError(`${path} contains ${what} at character ${index + 1}: ${fix}.`, path);
}

/**
 * Checks and normalises one string: refuses control, formatting and invalid
 * characters, personal identity numbers and overlong text; returns it in NFC and
 * trimmed (free text also with CRLF turned into LF). Never repeats the value.
 */
export function checkStoredString(raw: string, path: string, kind: StoredTextKind): string {
  const max = STORED_TEXT_MAX_LENGTH[kind];
  // A cheap bound first, so that a 500 KB value costs no more than a glance.
  if (raw.length > max * 4) throw tooLong(path, raw.length, max);
  const value = kind === 'freeText' ? raw.replace(/\r\n/g, '\n') : raw;
  for (const refusal of ALWAYS_REFUSED) {
    const match = refusal.pattern.exec(value);
    if (match) refuse(path, refusal.describe(hex(match[0])), kind, match.index);
  }
  if (kind !== 'freeText') {
    const match = LINE_BREAK_OR_TAB.exec(value);
    if (match) refuse(path, `a ${match[0] === '\t' ? 'tab' : 'line break'} (${hex(match[0])})`, kind, match.index);
  }
  const normalised = value.normalize('NFC').trim();
  if (normalised.length > max) throw tooLong(path, normalised.length, max);
  if (findPersonalIdentityNumber(normalised)) {
    throw new BadUserInputError(
      `${path} contains what looks like a personal identity number. Samverkan never stores personal identity numbers: remove it and use a pseudonymous id or a display name instead.`,
      path,
    );
  }
  return normalised;
}

function tooLong(path: string, length: number, max: number): BadUserInputError {
  return new BadUserInputError(`${path} is ${length} characters long; at most ${max} are allowed. Shorten it.`, path);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  // graphql-js builds input objects with a null prototype.
  return prototype === Object.prototype || prototype === null;
}

/**
 * Walks an argument object (input objects, lists, nested lists) and checks every
 * string in it; returns a copy with every string normalised. The kind of a list
 * item is its list's field name (`areaIds[2]` is an id).
 */
export function checkStoredStrings<T>(args: T, path = ''): T {
  return walk(args, path, 'text') as T;
}

function walk(value: unknown, path: string, kind: StoredTextKind): unknown {
  if (typeof value === 'string') return checkStoredString(value, path, kind);
  if (Array.isArray(value)) return value.map((item, index) => walk(item, `${path}[${index}]`, kind));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = walk(item, path ? `${path}.${key}` : key, kindOfField(key));
    return copy;
  }
  return value;
}

/**
 * The guard the schema layer runs before every Mutation field's resolver: the
 * resolver receives the returned, normalised arguments, or the mutation fails
 * with BAD_USER_INPUT naming the argument path (e.g. `input.website`) before
 * anything is written. `fieldName` is for callers that log it; the rule is the
 * same for every mutation.
 */
export function guardMutationArgs<T extends Record<string, unknown>>(_fieldName: string, args: T): T {
  return checkStoredStrings(args);
}

/**
 * `guardMutationArgs` as a resolver wrapper, for `applyAccessRules(schema, { guards: [storedTextGuard] })`:
 * the resolver runs with the checked, normalised arguments.
 */
export const storedTextGuard: FieldWrapper = (_typeName, fieldName, resolve) => (source, args, ctx, info) => resolve(source, guardMutationArgs(fieldName, args), ctx, info);
