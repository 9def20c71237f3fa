/**
 * PDFKit's standard fonts (Helvetica) encode text as WinAnsi: Latin-1 (so å, ä,
 * ö, é, ÷, ·, ², ±, ×) plus the cp1252 extras (– — ‘ ’ “ ” … † • €). The few
 * signs the method texts use beyond that get an ASCII spelling; anything else
 * becomes "?", never a wrong glyph.
 */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SPELLED: Record<string, string> = { '−': '-', 'Σ': 'sum', '≥': '>=', '≤': '<=', '→': '->', '←': '<-', '≈': '~', '∞': 'inf', '√': 'sqrt', '≠': '!=', 'ₖ': 'k', 'ₗ': 'l', 'ᵢ': 'i', 'γ': 'gamma', 'Δ': 'delta ', '\u2009': ' ', '\u202f': ' ' };

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || char === '\n' || CP1252_EXTRAS.has(char)) out += char;
    else out += SPELLED[char] ?? '?';
  }
  return out;
}
