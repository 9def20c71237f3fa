import fs from 'node:fs';
import path from 'node:path';
import { QueryStore, repositoryRoot } from '../../src/db/queryStore';

const root = repositoryRoot();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Query names the code refers to: string literals 'domain/name' whose domain is a folder of cypher/queries. */
function namesUsedInCode(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const known = new Set(QueryStore.load().names().map((name) => name.split('/')[0]));
  const pattern = /'([a-z][A-Za-z]*\/[a-z][A-Za-z0-9]*)'/g;
  for (const file of [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'scripts'))]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(pattern)) {
      if (!known.has(match[1].split('/')[0])) continue;
      const users = used.get(match[1]) ?? [];
      users.push(path.relative(root, file));
      used.set(match[1], users);
    }
  }
  return used;
}

describe('cypher/queries', () => {
  const store = QueryStore.load();
  const used = namesUsedInCode();

  it('has a file for every query name the code uses', () => {
    const missing = [...used.keys()].filter((name) => !store.names().includes(name));
    expect(missing).toEqual([]);
  });

  it('has no file that the code never uses', () => {
    const unused = store.names().filter((name) => !used.has(name));
    expect(unused).toEqual([]);
  });

  it('starts every file with a comment saying what it does', () => {
    const bare = store.files().filter((file) => !file.text.trimStart().startsWith('//')).map((file) => file.name);
    expect(bare).toEqual([]);
  });

  it('has one statement per file and no text templating', () => {
    for (const file of store.files()) {
      const body = file.text.split('\n').filter((line) => !line.trim().startsWith('//')).join('\n');
      expect({ name: file.name, templated: /\$\{/.test(body) }).toEqual({ name: file.name, templated: false });
      expect({ name: file.name, statements: body.split(/;\s*(\n|$)/).filter((part) => part && part.trim()).length }).toEqual({ name: file.name, statements: 1 });
    }
  });
});

describe('TypeScript sources', () => {
  it('never build Cypher text from values', () => {
    const offenders = sourceFiles(path.join(root, 'src')).filter((file) =>
      /`[^`]*\b(MATCH|MERGE|CREATE|DELETE|SET|RETURN)\b[^`]*\$\{/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
