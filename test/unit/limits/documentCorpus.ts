import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { Kind, parse, type DocumentNode } from 'graphql';

export interface CorpusDocument {
  /** file:line, for the failure message. */
  where: string;
  text: string;
}

const ROOT = path.resolve(__dirname, '../../..');

/** Every ```graphql block of a Markdown file. */
export function markdownDocuments(file: string): CorpusDocument[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const found: CorpusDocument[] = [];
  for (const match of text.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    found.push({ where: `${file}:${text.slice(0, match.index).split('\n').length}`, text: match[1] });
  }
  return found;
}

function isExecutable(text: string): boolean {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch {
    return false;
  }
  return document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION);
}

/**
 * Every string literal of a TypeScript file that parses as a GraphQL operation.
 * Template literals are resolved when their substitutions name string constants
 * of the same file (`${METHOD}`); any other substitution (a loop's id, a
 * function's argument) becomes a placeholder name, which the limits do not look
 * at. Operation-like templates that still do not parse are returned in `unresolved`.
 */
export function typescriptDocuments(file: string): { documents: CorpusDocument[]; unresolved: string[] } {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
  const constants = new Map<string, string>();
  const documents: CorpusDocument[] = [];
  const unresolved: string[] = [];
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const resolve = (node: ts.Expression, lenient = false): string | null => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isIdentifier(node)) return constants.get(node.text) ?? null;
    if (ts.isTemplateExpression(node)) {
      let text: string | null = node.head.text;
      node.templateSpans.forEach((span, index) => {
        if (text === null) return;
        const part = resolve(span.expression) ?? (lenient ? `X${index}` : null);
        text = part === null ? null : text + part + span.literal.text;
      });
      return text;
    }
    return null;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const value = resolve(node.initializer);
      if (value !== null) constants.set(node.name.text, value);
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const text = resolve(node) ?? resolve(node, true);
      if (text !== null && isExecutable(text)) documents.push({ where: where(node), text });
      else if (ts.isTemplateExpression(node) && /^`\s*(\{|query|mutation|fragment)/.test(node.getText())) unresolved.push(where(node));
      if (ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { documents, unresolved };
}

/** The README's operations and every operation string in the integration tests. */
export function operationCorpus(): { documents: CorpusDocument[]; unresolved: string[] } {
  const documents = [...markdownDocuments('README.md')];
  const unresolved: string[] = [];
  const testDir = path.join(ROOT, 'test/integration');
  for (const name of fs.readdirSync(testDir).filter((file) => file.endsWith('.test.ts')).sort()) {
    const found = typescriptDocuments(`test/integration/${name}`);
    documents.push(...found.documents);
    unresolved.push(...found.unresolved);
  }
  return { documents, unresolved };
}
