import path from 'node:path';

/** Where the database comes from: an external server, or one we start in a child JVM. */
export type DatabaseConfig =
  | { mode: 'external'; uri: string; username: string; password: string; database?: string }
  | { mode: 'embedded'; dataDir: string; boltPort: number; heap: string; pageCache: string; database?: string };

export interface Config {
  host: string;
  port: number;
  database: DatabaseConfig;
  /** Serve the offline GraphQL IDE at GET /graphql. */
  ide: boolean;
  /** Load the Malmö seed when the database holds no actors. */
  seedOnStart: boolean;
  /** Upper bound for one analytics request, in milliseconds. */
  analyticsTimeoutMs: number;
  /** Keep the in-memory collaboration index for the count-based analytics. */
  analyticsIndex: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const URI_SCHEMES = ['neo4j://', 'neo4j+s://', 'neo4j+ssc://', 'bolt://', 'bolt+s://', 'bolt+ssc://'];

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${key} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${key} must be true or false, got "${raw}"`);
}

/** Parses and validates the environment once; everything else receives the result. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const uri = env.NEO4J_URI;
  const databaseName = env.NEO4J_DATABASE || undefined;
  let database: DatabaseConfig;
  if (uri) {
    if (!URI_SCHEMES.some((scheme) => uri.startsWith(scheme))) {
      throw new ConfigError(`NEO4J_URI must start with one of ${URI_SCHEMES.join(', ')}, got "${uri}"`);
    }
    database = {
      mode: 'external',
      uri,
      username: env.NEO4J_USERNAME ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: databaseName,
    };
  } else {
    database = {
      mode: 'embedded',
      dataDir: path.resolve(cwd, env.SAMVERKAN_DATA_DIR ?? '.data/neo4j'),
      boltPort: int(env, 'NEO4J_BOLT_PORT', 7687, 0, 65535),
      heap: env.NEO4J_HEAP ?? '2g',
      pageCache: env.NEO4J_PAGE_CACHE ?? '1g',
      database: databaseName,
    };
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error, got "${logLevel}"`);
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 4000, 0, 65535),
    database,
    ide: bool(env, 'SAMVERKAN_IDE', env.NODE_ENV !== 'production'),
    seedOnStart: bool(env, 'SAMVERKAN_SEED', true),
    analyticsTimeoutMs: int(env, 'SAMVERKAN_ANALYTICS_TIMEOUT_MS', 30000, 100, 3600000),
    analyticsIndex: bool(env, 'SAMVERKAN_ANALYTICS_INDEX', true),
    logLevel,
  };
}
