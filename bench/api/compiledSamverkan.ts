/**
 * Samverkan compiled to JavaScript, for bench:api to run as the Dockerfile does
 * (`node dist/src/index.js`) instead of through tsx. Run through tsx, the process
 * also holds tsx's module-loader thread (a second V8 isolate) and the transformed
 * sources: about 36 MB of RSS for tsx alone in an empty script on Node 20, which
 * the deployed service does not carry, and which the memory targets would count.
 *
 * Each file of `src/` is transpiled on its own (esbuild, no bundling, CommonJS:
 * what `tsc` emits for this tsconfig, without the type check), into a folder that
 * mirrors the image: `dist/src` beside links to `package.json`, `cypher`, `schema`,
 * `seeds`, `templates`, `web` and `node_modules` of the checkout, so that the code
 * finds its files as it does in the image.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const LINKED = ['package.json', 'cypher', 'schema', 'seeds', 'templates', 'web', 'node_modules', 'neo4j-launcher'];

function typeScriptFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Compiles `checkout`'s src/ into `into` (created) and returns the entry point, `into/dist/src/index.js`. */
export function compileSamverkan(checkout: string, into: string): string {
  fs.mkdirSync(into, { recursive: true });
  buildSync({
    entryPoints: typeScriptFiles(path.join(checkout, 'src')),
    outbase: checkout,
    outdir: path.join(into, 'dist'),
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  for (const name of LINKED) {
    if (fs.existsSync(path.join(checkout, name))) fs.symlinkSync(path.join(checkout, name), path.join(into, name));
  }
  return path.join(into, 'dist', 'src', 'index.js');
}
