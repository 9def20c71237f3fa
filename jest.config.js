/**
 * Three tiers, each its own npm script, all run by `npm test`:
 * unit (pure logic), queries (the .cypher files against the code that names them),
 * integration (GraphQL against a real Neo4j: embedded, or NEO4J_URI when set), run in
 * band because its files share that one database.
 */
// tsconfig sets isolatedModules, so ts-jest only transpiles: type errors are the
// typecheck step's job (npm run typecheck).
const tsJest = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  // jose 6 ships only ES modules; Node 20 loads them with require(), Jest's CommonJS runtime does not.
  '^.+/node_modules/jose/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } }],
};
const transformIgnorePatterns = ['/node_modules/(?!jose/)'];

module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform: tsJest, transformIgnorePatterns, testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { displayName: 'queries', testEnvironment: 'node', transform: tsJest, transformIgnorePatterns, testMatch: ['<rootDir>/test/queries/**/*.test.ts'] },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: tsJest,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/globalSetup.ts',
      globalTeardown: '<rootDir>/test/helpers/globalTeardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/helpers/integrationTimeout.ts'],
    },
    {
      // The explorer in headless Chromium against the real app on its own Neo4j; the setup bundles the page first.
      displayName: 'browser',
      testEnvironment: 'node',
      transform: tsJest,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/test/browser/globalSetup.ts',
      globalTeardown: '<rootDir>/test/helpers/globalTeardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/helpers/integrationTimeout.ts'],
    },
  ],
};
