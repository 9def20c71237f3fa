import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { CYPHER_DIR } from './queryStore';
import type { Database } from './database';
import type { Logger } from '../logger';

export interface Migration {
  version: number;
  name: string;
  file: string;
  statements: string[];
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const FILE_PATTERN = /^V(\d{3})__([a-z0-9_]+)\.cypher$/;

/** Splits a migration file into statements: `;` at a line end ends one; `//` comment lines are dropped. */
export function splitStatements(text: string): string[] {
  const withoutComments = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

export function loadMigrations(dir: string = path.join(CYPHER_DIR, 'migrations')): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new MigrationError(`Migration file ${file} must be named V###__snake_name.cypher`);
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(match[1]),
        name: match[2],
        file,
        statements: splitStatements(text),
        checksum: crypto.createHash('sha256').update(text).digest('hex'),
      };
    });
}

/**
 * Applies the migrations not yet recorded, in order. Each statement runs in its own
 * auto-commit transaction (schema changes cannot share one with data); statements
 * are written to be idempotent, so a migration cut off halfway can simply run again.
 */
export async function migrate(database: Database, logger: Logger, migrations: Migration[] = loadMigrations()): Promise<number[]> {
  const applied = new Set(
    (await database.readRows<{ version: number }>('migrations/applied')).map((row) => row.version),
  );
  const done: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    for (const statement of migration.statements) {
      try {
        await database.runScript(statement);
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'unknown code';
        throw new MigrationError(`Migration ${migration.file} failed: ${code}: ${(error as Error).message}`);
      }
    }
    await database.writeRows('migrations/record', {
      version: migration.version,
      name: migration.name,
      checksum: migration.checksum,
    });
    logger.info('migration applied', { file: migration.file });
    done.push(migration.version);
  }
  return done;
}
