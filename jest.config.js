/**
 * Three tiers, each its own npm script, all run by `npm test`:
 * unit (pure logic), queries (the .cypher files against the code that names them),
 * integration (GraphQL against a real Neo4j: embedded, or NEO4J_URI when set), run in
 * band because its files share that one database.
 */
// tsconfig sets isolatedModules, so ts-jest only transpiles: type errors are the
// typecheck step's job (npm run typecheck).
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform: tsJest, testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { displayName: 'queries', testEnvironment: 'node', transform: tsJest, testMatch: ['<rootDir>/test/queries/**/*.test.ts'] },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: tsJest,
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/globalSetup.ts',
      globalTeardown: '<rootDir>/test/helpers/globalTeardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/helpers/integrationTimeout.ts'],
    },
  ],
};
