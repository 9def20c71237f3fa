import { GraphQLError } from 'graphql';
import { checkStoredStrings, guardMutationArgs, kindOfField } from '../../src/validation/storedText';
import { quoteForError } from '../../src/validation/quoteForError';
import { luhnValid } from '../../src/validation/luhn';

/** A ten-digit personal identity number (YYMMDD + 3 + check) with a valid Luhn digit. */
function personalNumber(date: string, serial: string): string {
  for (let check = 0; check <= 9; check++) {
    if (luhnValid(`${date}${serial}${check}`)) return `${date}-${serial}${check}`;
  }
  throw new Error('unreachable: one check digit always fits');
}

const PIN = personalNumber('811218', '987');
const PIN_WITH_CENTURY = `19${PIN}`;
const COORDINATION = personalNumber('811278', '123'); // day + 60
const PIN_PLUS = PIN.replace('-', '+');
const PIN_BARE = PIN.replace('-', '');

function refusal(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkStoredStrings refuses', () => {
  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['NUL in a name', { input: { name: 'Kim\u0000' } }, 'input.name'],
    ['U+202E in a name', { input: { name: 'abc\u202Etxt.exe' } }, 'input.name'],
    ['U+2066 isolate in a source', { input: { source: 'a\u2066b' } }, 'input.source'],
    ['ESC[31m in a description', { input: { description: 'red \u001b[31mtext' } }, 'input.description'],
    ['LF in a name', { input: { name: 'two\nlines' } }, 'input.name'],
    ['CR in a name', { input: { name: 'two\rlines' } }, 'input.name'],
    ['TAB in an id', { input: { id: 'area\tx' } }, 'input.id'],
    ['C1 control', { input: { name: 'a\u0085b' } }, 'input.name'],
    ['lone surrogate', { input: { name: 'a\uD800b' } }, 'input.name'],
    ['lone low surrogate at the end', { input: { name: 'ab\uDC00' } }, 'input.name'],
    ['U+FFFE', { input: { name: 'a\uFFFEb' } }, 'input.name'],
    ['U+FDD0', { input: { name: 'a\uFDD0b' } }, 'input.name'],
    ['a supplementary noncharacter', { input: { name: 'a\u{1FFFF}b' } }, 'input.name'],
    ['a 200 KB website', { input: { website: `https://example.org/${'a'.repeat(200 * 1024)}` } }, 'input.website'],
    ['a 101-character id', { id: 'a'.repeat(101) }, 'id'],
    ['a 2001-character name', { input: { name: 'n'.repeat(2001) } }, 'input.name'],
    ['a 4001-character description', { input: { description: 'd'.repeat(4001) } }, 'input.description'],
    ['a PIN inside an area id', { input: { id: `area-19${PIN}` } }, 'input.id'],
    ['a PIN without hyphen', { input: { id: `area-${PIN_BARE}` } }, 'input.id'],
    ['a PIN with plus (over 100)', { input: { name: `Kim ${PIN_PLUS}` } }, 'input.name'],
    ['a PIN with century inside a website', { input: { website: `https://example.org/p/${PIN_WITH_CENTURY}` } }, 'input.website'],
    ['a coordination number inside a source', { input: { source: `report ${COORDINATION}` } }, 'input.source'],
    ['a PIN in a list of ids', { input: { areaIds: ['area-a', `area-${PIN}`] } }, 'input.areaIds[1]'],
    ['a PIN in a nested input', { input: { consent: { given: true, purpose: `for ${PIN}` } } }, 'input.consent.purpose'],
    ['a PIN in a top-level id argument', { actorId: `x${PIN_WITH_CENTURY}` }, 'actorId'],
  ];

  it.each(bad)('%s', (_label, args, field) => {
    const error = refusal(() => checkStoredStrings(args));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message.startsWith(field)).toBe(true);
  });

  it('never echoes the offending value, and says what a personal identity number is', () => {
    const error = refusal(() => guardMutationArgs('createArea', { input: { id: `area-19${PIN}`, name: 'x' } }));
    expect(error.message).toMatch(/looks like a personal identity number/);
    expect(error.message).not.toContain(PIN.slice(0, 6));
    const long = refusal(() => guardMutationArgs('createActor', { input: { website: `https://example.org/${'secret'.repeat(40000)}` } }));
    expect(long.message).not.toContain('secret');
    expect(long.message.length).toBeLessThan(200);
  });
});

describe('checkStoredStrings accepts and normalises', () => {
  it('trims, composes to NFC and keeps other values as they are', () => {
    const decomposed = 'Malmo\u0308 Ideella'; // o + combining diaeresis
    const result = checkStoredStrings({ input: { name: `  ${decomposed} `, strength: 3, synthetic: false, since: null, kind: 'PROJECT' } });
    expect(result).toEqual({ input: { name: 'Malmö Ideella', strength: 3, synthetic: false, since: null, kind: 'PROJECT' } });
  });

  it('allows line breaks and tabs in free text, turning CRLF into LF', () => {
    expect(checkStoredStrings({ input: { description: 'line one\r\n\tline two' } })).toEqual({ input: { description: 'line one\n\tline two' } });
  });

  it('accepts emoji (paired surrogates), right-to-left script, organisation numbers and dates', () => {
    const args = { input: { name: 'Kafé ☕ 🎉 مرحبا', organisationNumber: '802002-4280', since: '2024-01-15', website: 'https://example.org/a?b=c' } };
    expect(checkStoredStrings(args)).toEqual(args);
  });

  it('walks input objects with a null prototype, as graphql-js builds them', () => {
    const input = Object.assign(Object.create(null) as Record<string, unknown>, { name: ' Rosengård ' });
    expect(guardMutationArgs('updateArea', { id: 'area-rosengard', input })).toEqual({ id: 'area-rosengard', input: { name: 'Rosengård' } });
  });

  it('passes a number that is not a valid personal identity number', () => {
    const wrongCheck = PIN.slice(0, -1) + String((Number(PIN.slice(-1)) + 1) % 10);
    expect(checkStoredStrings({ id: `area-${wrongCheck}` })).toEqual({ id: `area-${wrongCheck}` });
  });
});

describe('kindOfField', () => {
  it.each([
    ['id', 'id'],
    ['areaId', 'id'],
    ['areaIds', 'id'],
    ['registeredBy', 'id'],
    ['description', 'freeText'],
    ['purpose', 'freeText'],
    ['website', 'website'],
    ['name', 'text'],
    ['source', 'text'],
  ])('%s is %s', (name, kind) => {
    expect(kindOfField(name)).toBe(kind);
  });
});

describe('quoteForError', () => {
  it('truncates with an ellipsis and the full length', () => {
    const quoted = quoteForError('x'.repeat(500 * 1024));
    expect(quoted).toBe(`"${'x'.repeat(40)}…" (512000 characters)`);
  });

  it('escapes control, bidi and quote characters', () => {
    expect(quoteForError('a\u0000b\u001b[31m\u202E"\\')).toBe('"a\\u0000b\\u001b[31m\\u202e\\"\\\\"');
  });

  it('never repeats a personal identity number', () => {
    expect(quoteForError(`area-${PIN}`)).not.toContain(PIN.slice(0, 6));
  });

  it('quotes short clean values whole', () => {
    expect(quoteForError('area-rosengard')).toBe('"area-rosengard"');
  });
});
