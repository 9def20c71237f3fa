import fs from 'node:fs';
import path from 'node:path';

/** Absolute path of the repository's `cypher/` folder, wherever the code runs from (src or dist). */
export const CYPHER_DIR = path.join(repositoryRoot(), 'cypher');

/** The folder holding package.json: two levels up from src/db, three from dist/src/db. */
export function repositoryRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export interface QueryFile {
  /** `domain/queryName`, from the path below `cypher/queries/` without `.cypher`. */
  name: string;
  text: string;
  file: string;
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.name.endsWith('.cypher') ? [full] : [];
  });
}

/**
 * A statement without its comment lines and indentation: the header comments are
 * for readers, and sending them with every request made a statement span several
 * Bolt chunks, each its own socket write (docs/performance.md). Comments in the
 * query files stand on lines of their own (`//` at the start), never after code.
 */
function compact(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');
}

/**
 * Every named statement under `cypher/queries/`, read once at start. Code refers
 * to a statement by name only; values always travel as parameters.
 */
export class QueryStore {
  private readonly byName: ReadonlyMap<string, QueryFile>;
  private readonly sent: ReadonlyMap<string, string>;

  constructor(files: QueryFile[]) {
    this.byName = new Map(files.map((file) => [file.name, file]));
    this.sent = new Map(files.map((file) => [file.name, compact(file.text)]));
  }

  static load(root: string = path.join(CYPHER_DIR, 'queries')): QueryStore {
    const files = walk(root)
      .sort()
      .map((file) => ({
        name: path.relative(root, file).replace(/\\/g, '/').replace(/\.cypher$/, ''),
        text: fs.readFileSync(file, 'utf8'),
        file,
      }));
    return new QueryStore(files);
  }

  /** The statement as sent: without its header comment and indentation (see compact). */
  get(name: string): string {
    const text = this.sent.get(name);
    if (text === undefined) throw new Error(`No Cypher file for query "${name}" (expected cypher/queries/${name}.cypher)`);
    return text;
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  files(): QueryFile[] {
    return [...this.byName.values()];
  }
}
