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
 * when the database restarts, and the analytics ask for them on every call.
 */
export function createServiceInfoProvider(db: Database, version: string): ServiceInfoProvider {
  let cached: Promise<ServiceInfo> | null = null;
  const read = async (): Promise<ServiceInfo> => {
    const [components] = await db.readRows<{ neo4jVersion: string }>('system/components');
    const functions = new Set((await db.readRows<{ name: string }>('system/pluginFunctions')).map((row) => row.name));
    const versionOf = async (present: boolean, query: string) => (present ? ((await db.readRows<{ version: string }>(query))[0]?.version ?? null) : null);
    return {
      version,
      neo4jVersion: components?.neo4jVersion ?? 'unknown',
      gdsVersion: await versionOf(functions.has('gds.version'), 'system/gdsVersion'),
      apocVersion: await versionOf(functions.has('apoc.version'), 'system/apocVersion'),
    };
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
