import { loadMigrations, splitStatements } from '../../src/db/migrate';

describe('splitStatements', () => {
  it('splits on semicolons at line ends and drops comment lines', () => {
    expect(splitStatements('// a comment\nCREATE INDEX a;\nCREATE INDEX b;\n')).toEqual(['CREATE INDEX a', 'CREATE INDEX b']);
  });
});

describe('loadMigrations', () => {
  it('finds the migrations in version order, each idempotent', () => {
    const migrations = loadMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.version)).toEqual([...migrations.map((m) => m.version)].sort((a, b) => a - b));
    for (const migration of migrations) {
      for (const statement of migration.statements) expect(statement).toMatch(/IF (NOT )?EXISTS/);
    }
  });
});
