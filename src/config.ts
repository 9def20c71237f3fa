import { DEFAULT_VERSION_MAX_AGE_MS } from './system/graphVersionClock';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { AuthConfigError, parseAuthConfig } from './auth/authConfig';

/** Where the database comes from: an external server, or one we start in a child JVM. */
export type DatabaseConfig =
  | { mode: 'external'; uri: string; username: string; password: string; database?: string; connectTimeoutMs: number }
  | {
      mode: 'embedded';
      dataDir: string;
      boltPort: number;
      heap: string;
      pageCache: string;
      database?: string;
      connectTimeoutMs: number;
      /** Restarts of a JVM that died unexpectedly before the service gives up and exits. */
      restarts: number;
    };

/** Who may read GET /metrics: these networks, or a caller with the bearer token. */
export interface MetricsConfig {
  /** CIDR blocks (`10.0.0.0/8`, `::1/128`); a bare address is a single host. */
  allow: string[];
  token?: string;
}

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
  /** How long a graph version read from Neo4j is trusted when this process has not written since (GraphVersionClock). */
  graphVersionMaxAgeMs: number;
  /** How many networks the explorer opened are kept computed after writes and restarts (src/visualisation/unionWarmer.ts); 0: none. */
  explorerWarmUnions: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** NODE_ENV=production: IDE and introspection off by default, stricter headers. */
  production: boolean;
  auth: AuthConfig;
  /** Counts of citizens below this are suppressed for callers without citizen access. */
  suppressionK: number;
  limits: LimitsConfig;
  /** Answer introspection queries (on by default except in production). */
  introspection: boolean;
  /** Origins allowed by CORS; empty turns CORS off (no browser on another origin may call). */
  corsOrigins: string[];
  metrics: MetricsConfig;
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
  /** Analysis jobs (startAnalysis) running at once; later ones wait in the job queue. */
  analysisJobs: number;
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
  analysisJobs: 1,
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
const LOOPBACK_NETWORKS = ['127.0.0.0/8', '::1/128'];
/** Variables whose value must never be echoed in an error message. */
const SECRETS = new Set(['NEO4J_PASSWORD', 'SAMVERKAN_METRICS_TOKEN']);

// Each schema is optional (unset or empty means "use the default") and described by
// what it accepts: the description is the second half of the error message.
const whole = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().min(min).max(max)).optional().describe(`a whole number from ${min} to ${max}`);
const flag = () =>
  z.stringbool({ truthy: ['1', 'true', 'yes'], falsy: ['0', 'false', 'no'], case: 'insensitive' }).optional().describe('true or false (also 1/0, yes/no)');
const text = () => z.string().optional().describe('text');
const memory = () => z.string().regex(/^\d+[kmgKMG]?$/).optional().describe('a size such as 512m or 2g');
const list = (item: (entry: string) => boolean, accepts: string) =>
  z
    .string()
    .transform((raw) => raw.split(',').map((entry) => entry.trim()).filter(Boolean))
    .refine((entries) => entries.every(item))
    .optional()
    .describe(accepts);

export function isCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Explorer networks kept computed after writes and restarts, the most recently opened (src/visualisation/unionWarmer.ts). */
export const DEFAULT_WARM_UNIONS = 4;

const isOrigin = (entry: string) => /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(entry);

const environment = z.object({
  NODE_ENV: text(),
  HOST: text(),
  PORT: whole(0, 65535),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).optional().describe('debug, info, warn or error'),
  NEO4J_URI: z
    .string()
    .refine((uri) => URI_SCHEMES.some((scheme) => uri.startsWith(scheme)))
    .optional()
    .describe(`a URI starting with one of ${URI_SCHEMES.join(', ')}`),
  NEO4J_USERNAME: text(),
  NEO4J_PASSWORD: text(),
  NEO4J_DATABASE: text(),
  NEO4J_CONNECT_TIMEOUT_MS: whole(100, 600_000),
  SAMVERKAN_DATA_DIR: text(),
  NEO4J_BOLT_PORT: whole(0, 65535),
  NEO4J_HEAP: memory(),
  NEO4J_PAGE_CACHE: memory(),
  SAMVERKAN_NEO4J_RESTARTS: whole(0, 100),
  SAMVERKAN_IDE: flag(),
  SAMVERKAN_INTROSPECTION: flag(),
  SAMVERKAN_SEED: flag(),
  SAMVERKAN_ANALYTICS_TIMEOUT_MS: whole(100, 3_600_000),
  SAMVERKAN_ANALYTICS_INDEX: flag(),
  SAMVERKAN_GRAPH_VERSION_MAX_AGE_MS: whole(0, 60_000),
  SAMVERKAN_EXPLORER_WARM_UNIONS: whole(0, 64),
  SAMVERKAN_SUPPRESSION_K: whole(1, 1000),
  SAMVERKAN_MAX_DEPTH: whole(1, 100),
  SAMVERKAN_MAX_ALIASES: whole(0, 10_000),
  SAMVERKAN_MAX_TOKENS: whole(10, 1_000_000),
  SAMVERKAN_MAX_DIRECTIVES: whole(0, 10_000),
  SAMVERKAN_MAX_COST: whole(1, 100_000_000),
  SAMVERKAN_MAX_ROWS_PER_REQUEST: whole(1, 100_000_000),
  SAMVERKAN_ANALYTICS_CONCURRENCY: whole(1, 64),
  SAMVERKAN_ANALYSIS_JOBS: whole(1, 16),
  SAMVERKAN_QUERY_TIMEOUT_MS: whole(100, 3_600_000),
  SAMVERKAN_BODY_LIMIT: whole(1024, 100 * 1024 * 1024),
  SAMVERKAN_RATE_LIMIT_PER_MINUTE: whole(1, 1_000_000),
  SAMVERKAN_CORS_ORIGINS: list(isOrigin, 'a comma-separated list of origins such as https://app.example.org (scheme, host and optional port; no path, no "*")'),
  SAMVERKAN_METRICS_TOKEN: z.string().min(16).optional().describe('a token of at least 16 characters'),
  SAMVERKAN_METRICS_ALLOW: list(isCidr, 'a comma-separated list of addresses or CIDR blocks such as 10.0.0.0/8, ::1/128'),
});

type Environment = z.infer<typeof environment>;

/** One message naming every variable at fault and what it accepts. */
function describeIssues(error: z.ZodError, env: Record<string, string>): string {
  const keys = [...new Set(error.issues.map((issue) => String(issue.path[0])))];
  return keys
    .map((key) => {
      const accepts = environment.shape[key as keyof Environment]?.description ?? 'a valid value';
      const raw = env[key] ?? '';
      const shown = SECRETS.has(key) ? '(value hidden)' : `"${raw.length > 100 ? raw.slice(0, 100) + '…' : raw}"`;
      return `${key} must be ${accepts}, got ${shown}`;
    })
    .join('; ');
}

function parseEnvironment(env: NodeJS.ProcessEnv): Environment {
  // Unset and empty are the same: compose files pass `VAR=` for "not configured".
  const present = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
  const parsed = environment.safeParse(present);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error, present));
  return parsed.data;
}

function limitsFrom(env: Environment): LimitsConfig {
  return {
    maxDepth: env.SAMVERKAN_MAX_DEPTH ?? DEFAULT_LIMITS.maxDepth,
    maxAliases: env.SAMVERKAN_MAX_ALIASES ?? DEFAULT_LIMITS.maxAliases,
    maxTokens: env.SAMVERKAN_MAX_TOKENS ?? DEFAULT_LIMITS.maxTokens,
    maxDirectives: env.SAMVERKAN_MAX_DIRECTIVES ?? DEFAULT_LIMITS.maxDirectives,
    maxCost: env.SAMVERKAN_MAX_COST ?? DEFAULT_LIMITS.maxCost,
    maxRowsPerRequest: env.SAMVERKAN_MAX_ROWS_PER_REQUEST ?? DEFAULT_LIMITS.maxRowsPerRequest,
    analyticsConcurrency: env.SAMVERKAN_ANALYTICS_CONCURRENCY ?? DEFAULT_LIMITS.analyticsConcurrency,
    analysisJobs: env.SAMVERKAN_ANALYSIS_JOBS ?? DEFAULT_LIMITS.analysisJobs,
    queryTimeoutMs: env.SAMVERKAN_QUERY_TIMEOUT_MS ?? DEFAULT_LIMITS.queryTimeoutMs,
    bodyLimitBytes: env.SAMVERKAN_BODY_LIMIT ?? DEFAULT_LIMITS.bodyLimitBytes,
    rateLimitPerMinute: env.SAMVERKAN_RATE_LIMIT_PER_MINUTE ?? DEFAULT_LIMITS.rateLimitPerMinute,
  };
}

function databaseFrom(env: Environment, cwd: string): DatabaseConfig {
  const database = env.NEO4J_DATABASE;
  const connectTimeoutMs = env.NEO4J_CONNECT_TIMEOUT_MS ?? 5000;
  if (env.NEO4J_URI) {
    return { mode: 'external', uri: env.NEO4J_URI, username: env.NEO4J_USERNAME ?? 'neo4j', password: env.NEO4J_PASSWORD ?? '', database, connectTimeoutMs };
  }
  return {
    mode: 'embedded',
    dataDir: path.resolve(cwd, env.SAMVERKAN_DATA_DIR ?? '.data/neo4j'),
    boltPort: env.NEO4J_BOLT_PORT ?? 7687,
    heap: env.NEO4J_HEAP ?? '2g',
    pageCache: env.NEO4J_PAGE_CACHE ?? '1g',
    database,
    connectTimeoutMs,
    restarts: env.SAMVERKAN_NEO4J_RESTARTS ?? 5,
  };
}

/** Parses and validates the environment once; everything else receives the result. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = parseEnvironment(env);
  const host = parsed.HOST ?? '127.0.0.1';
  let auth: AuthConfig;
  try {
    auth = parseAuthConfig(env, host);
  } catch (error) {
    if (error instanceof AuthConfigError) throw new ConfigError(error.message);
    throw error;
  }
  const production = parsed.NODE_ENV === 'production';
  return {
    host,
    port: parsed.PORT ?? 4000,
    database: databaseFrom(parsed, cwd),
    ide: parsed.SAMVERKAN_IDE ?? !production,
    seedOnStart: parsed.SAMVERKAN_SEED ?? !production,
    analyticsTimeoutMs: parsed.SAMVERKAN_ANALYTICS_TIMEOUT_MS ?? 30000,
    analyticsIndex: parsed.SAMVERKAN_ANALYTICS_INDEX ?? true,
    graphVersionMaxAgeMs: parsed.SAMVERKAN_GRAPH_VERSION_MAX_AGE_MS ?? DEFAULT_VERSION_MAX_AGE_MS,
    explorerWarmUnions: parsed.SAMVERKAN_EXPLORER_WARM_UNIONS ?? DEFAULT_WARM_UNIONS,
    logLevel: parsed.LOG_LEVEL ?? 'info',
    production,
    auth,
    suppressionK: parsed.SAMVERKAN_SUPPRESSION_K ?? 5,
    limits: limitsFrom(parsed),
    introspection: parsed.SAMVERKAN_INTROSPECTION ?? !production,
    corsOrigins: parsed.SAMVERKAN_CORS_ORIGINS ?? [],
    metrics: { allow: parsed.SAMVERKAN_METRICS_ALLOW ?? LOOPBACK_NETWORKS, token: parsed.SAMVERKAN_METRICS_TOKEN },
  };
}
