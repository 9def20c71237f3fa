import path from 'node:path';
import { loadConfig } from '../../src/config';
import { startApp, type App } from '../../src/app';
import { silentLogger } from '../../src/logger';
import { ApiKeyService } from '../../src/auth/apiKeys/apiKeyService';
import type { Role } from '../../src/auth/roles';
import { readTestDatabaseState } from '../helpers/testDatabaseState';

export interface ExplorerApp {
  app: App;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** POSTs a GraphQL request to the running app. */
  graphql<T>(query: string, variables?: Record<string, unknown>, credential?: string): Promise<T>;
  /** A new API key of the role (the service must be running with authentication). */
  apiKey(role: Role): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real app (src/app.ts: migrations, the Malmö seed when the database is empty,
 * the collaboration index, authentication) on the tier's Neo4j, on a free port.
 */
export async function startExplorerApp(env: Record<string, string> = {}): Promise<ExplorerApp> {
  const state = readTestDatabaseState();
  const config = loadConfig(
    {
      NEO4J_URI: state.uri,
      ...(state.username ? { NEO4J_USERNAME: state.username } : {}),
      ...(state.password ? { NEO4J_PASSWORD: state.password } : {}),
      ...(state.database ? { NEO4J_DATABASE: state.database } : {}),
      HOST: '127.0.0.1',
      PORT: '0',
      SAMVERKAN_SEED: 'true',
      // The machine the tests share may be busy: a cold GDS run must not time out the panels' analyses.
      SAMVERKAN_ANALYTICS_TIMEOUT_MS: '120000',
      ...env,
    },
    path.resolve(__dirname, '..', '..'),
  );
  const app = await startApp(config, silentLogger);
  const origin = app.url.replace(/\/graphql$/, '');
  return {
    app,
    origin,
    async graphql<T>(query: string, variables: Record<string, unknown> = {}, credential?: string) {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
      if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
      return body.data as T;
    },
    async apiKey(role: Role) {
      const service = new ApiKeyService({ db: app.database.db, logger: silentLogger });
      const created = await service.create({ name: `browser test ${role}`, role }, 'test:browser');
      return created.key;
    },
    close: () => app.stop(),
  };
}
