import path from 'node:path';
import { AuthConfigError, parseAuthConfig } from './auth/authConfig';

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
  /** NODE_ENV=production: IDE and introspection off by default, stricter headers. */
  production: boolean;
  auth: AuthConfig;
  /** Counts of citizens below this are suppressed for callers without citizen access. */
  suppressionK: number;
  limits: LimitsConfig;
}

/** Bounds against abuse and overload (see src/limits/ and src/server/). */
export interface LimitsConfig {
  /** graphql-armor: deepest field nesting. */
  maxDepth: number;
  /** graphql-armor: aliases per operation. */
  maxAliases: number;
  /** graphql-armor: tokens per document. */
  maxTokens: number;
  /** graphql-armor: directives per operation. */
  maxDirectives: number;
  /** graphql-armor: cost per operation (analytics fields weigh more). */
  maxCost: number;
  /** Records one request may read from Neo4j before it is stopped with RESULT_TOO_LARGE. */
  maxRowsPerRequest: number;
  /** Heavy analyses (GDS, scope networks) running at once; others wait within the analytics timeout. */
  analyticsConcurrency: number;
  /** Server-side timeout of an ordinary read or write transaction. */
  queryTimeoutMs: number;
  /** Largest accepted request body. */
  bodyLimitBytes: number;
  /** Requests per principal (or address, before authentication) per minute. */
  rateLimitPerMinute: number;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 5000,
  maxRowsPerRequest: 50000,
  analyticsConcurrency: 2,
  queryTimeoutMs: 15000,
  bodyLimitBytes: 1024 * 1024,
  rateLimitPerMinute: 600,
};

/** How callers prove who they are (see src/auth/). */
export interface JwtConfig {
  /** An OIDC provider's JWKS URL (Keycloak, Entra ID, ...). */
  jwksUrl?: string;
  /** A PEM public key (SPKI) for small installations. */
  publicKey?: string;
  /** A shared secret (HS256/384/512) for small installations. */
  secret?: string;
  issuer: string;
  audience: string;
  /** Accepted algorithms; never `none`, and never HS* together with a public key. */
  algorithms: string[];
  /** Dotted path of the claim holding roles, e.g. `realm_access.roles`. */
  rolesClaim: string;
  /** Dotted path of the claim holding organisation actor ids. */
  organisationsClaim: string;
}

export interface AuthConfig {
  /**
   * `development`: every request acts as a development administrator (no
   * authentication configured on a loopback host, or the explicit opt-out
   * SAMVERKAN_AUTH=development). `required`: a bearer token or an API key.
   */
  mode: 'development' | 'required';
  /** Set when tokens are configured. */
  jwt: JwtConfig | null;
  /** Whether the mode was chosen explicitly by SAMVERKAN_AUTH rather than inferred. */
  explicit: boolean;
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
  const host = env.HOST || '127.0.0.1';
  let auth: AuthConfig;
  try {
    auth = parseAuthConfig(env, host);
  } catch (error) {
    if (error instanceof AuthConfigError) throw new ConfigError(error.message);
    throw error;
  }
  const production = env.NODE_ENV === 'production';
  return {
    host,
    port: int(env, 'PORT', 4000, 0, 65535),
    database,
    ide: bool(env, 'SAMVERKAN_IDE', env.NODE_ENV !== 'production'),
    seedOnStart: bool(env, 'SAMVERKAN_SEED', true),
    analyticsTimeoutMs: int(env, 'SAMVERKAN_ANALYTICS_TIMEOUT_MS', 30000, 100, 3600000),
    analyticsIndex: bool(env, 'SAMVERKAN_ANALYTICS_INDEX', true),
    logLevel,
    production,
    auth,
    suppressionK: int(env, 'SAMVERKAN_SUPPRESSION_K', 5, 1, 1000),
    limits: { ...DEFAULT_LIMITS },
  };
}
