import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The text of each page of a PDF, extracted with pdfjs-dist's legacy build (for
 * Node). pdfjs-dist is ES modules only, which Jest's runtime cannot import, so a
 * child Node process reads the PDF from stdin and prints the pages as JSON.
 */
export function pdfPages(pdf: Buffer): string[] {
  const library = pathToFileURL(path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'legacy/build/pdf.mjs')).href;
  const script = `
    const { getDocument } = await import(${JSON.stringify(library)});
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), disableFontFace: true, verbosity: 0 }).promise;
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\\n' : ' ')).join(''));
    }
    process.stdout.write(JSON.stringify(pages));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as string[];
}
