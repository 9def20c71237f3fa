import { findPersonalIdentityNumber } from './personalIdentityNumber';

/** How much of a client's value an error message may repeat. */
export const MAX_QUOTED_CHARACTERS = 40;

// Characters that must never reach a terminal, a log viewer or a browser raw:
// C0 and C1 controls, DEL, bidi embeddings, overrides and isolates, unpaired
// surrogates and the U+FFFE/U+FFFF noncharacters.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udfff]/u;

function escapeCharacter(char: string): string {
  if (char === '"') return '\\"';
  if (char === '\\') return '\\\\';
  if (UNSAFE.test(char)) return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
  return char;
}

/**
 * A client's value, quoted for an error message: at most 40 characters (then an
 * ellipsis and the full length), control and formatting characters escaped, and
 * never a personal identity number. Error messages are logged and shown, so they
 * must not become a way to store or reflect arbitrary text.
 */
export function quoteForError(value: unknown, max: number = MAX_QUOTED_CHARACTERS): string {
  const text = typeof value === 'string' ? value : String(value);
  if (findPersonalIdentityNumber(text)) return '(a value that looks like a personal identity number, not repeated here)';
  const characters = Array.from(text);
  const shown = characters.slice(0, max).map(escapeCharacter).join('');
  const suffix = characters.length > max ? `…" (${characters.length} characters)` : '"';
  return `"${shown}${suffix}`;
}
