import type { Database } from '../db/database';

export interface ServiceInfo {
  version: string;
  neo4jVersion: string;
  gdsVersion: string | null;
  apocVersion: string | null;
}

export interface ServiceInfoProvider {
  get(): Promise<ServiceInfo>;
}

/**
 * Reads the server's and plugins' versions once and keeps them: they change only
 * when the database restarts, and the analytics ask for them on every call. The
 * service asks at startup (app.ts), so the first request does not wait for them.
 */
export function createServiceInfoProvider(db: Database, version: string): ServiceInfoProvider {
  let cached: Promise<ServiceInfo> | null = null;
  // Side by side: on a database that has not planned them yet, each statement takes a tenth of a second or more.
  const read = async (): Promise<ServiceInfo> => {
    const [[components], functionRows] = await Promise.all([
      db.readRows<{ neo4jVersion: string }>('system/components'),
      db.readRows<{ name: string }>('system/pluginFunctions'),
    ]);
    const functions = new Set(functionRows.map((row) => row.name));
    const versionOf = async (present: boolean, query: string) => (present ? ((await db.readRows<{ version: string }>(query))[0]?.version ?? null) : null);
    const [gdsVersion, apocVersion] = await Promise.all([versionOf(functions.has('gds.version'), 'system/gdsVersion'), versionOf(functions.has('apoc.version'), 'system/apocVersion')]);
    return { version, neo4jVersion: components?.neo4jVersion ?? 'unknown', gdsVersion, apocVersion };
  };
  return {
    get() {
      cached ??= read().catch((error: unknown) => {
        cached = null;
        throw error;
      });
      return cached;
    },
  };
}
