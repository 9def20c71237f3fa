/**
 * The three servers of the authentication benchmark, sharing one Database: the real
 * HTTP stack (createServer: Express, body parsing, rate limiter, Apollo, schema,
 * context) on loopback ports, with no authenticator (`off`), the development one
 * (`dev-admin`) and the `required` one with an HS256 secret (`token` and `key`).
 */
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { AnalyticsService } from '../../src/analytics/analyticsService';
import { ApiKeyService } from '../../src/auth/apiKeys/apiKeyService';
import { createAuthenticator } from '../../src/auth/authenticate';
import type { Principal } from '../../src/auth/principal';
import { DEFAULT_LIMITS, type AuthConfig } from '../../src/config';
import { createContext } from '../../src/context';
import type { Database } from '../../src/db/database';
import { silentLogger } from '../../src/logger';
import { buildSchema } from '../../src/schema/buildSchema';
import { createServer, type RunningServer, type ServerDependencies } from '../../src/server/createServer';
import { createServiceInfoProvider } from '../../src/system/serviceInfo';
import { VERSION } from '../../src/version';
import type { Target, VariantName } from './requests';

export interface VariantServers {
  /** Each variant's URL and headers, with the token signed last. */
  targets(): Record<VariantName, Target>;
  /** Signs a fresh token for the `token` variant. */
  renewToken(): Promise<void>;
  /** The `required` authenticator, to time it alone. */
  authenticateOn: ReturnType<typeof createAuthenticator>;
}

/** Starts the servers; each is pushed onto `servers` at once, so that the caller stops every one that started. */
export async function startVariantServers(database: Database, servers: RunningServer[]): Promise<VariantServers> {
  const serviceInfo = createServiceInfoProvider(database, VERSION);
  const analytics = new AnalyticsService({ db: database, serviceInfo, logger: silentLogger, timeoutMs: 30_000 });
  const apiKeys = new ApiKeyService({ db: database, logger: silentLogger });
  const schema = buildSchema();

  const secret = randomBytes(32).toString('base64url');
  const issuer = 'https://issuer.bench.invalid/';
  const audience = 'samverkan-bench';
  const required: AuthConfig = { mode: 'required', jwt: { secret, issuer, audience, algorithms: ['HS256'], rolesClaim: 'roles', organisationsClaim: 'organisations' }, explicit: true };
  const development: AuthConfig = { mode: 'development', jwt: null, explicit: true };
  const analyst: Principal = Object.freeze({ id: 'bench:analyst', via: 'development', role: 'ANALYST', organisations: [] });
  const serve = async (authenticate: ServerDependencies['authenticate']): Promise<string> => {
    const server = await createServer(
      {
        schema,
        logger: silentLogger,
        ide: false,
        authenticate,
        context: async (principal) => createContext({ db: database, logger: silentLogger, serviceInfo, analytics, principal, apiKeys }),
        ready: async () => {
          await database.readRows('system/ping');
        },
        // The default 600 a minute per principal would refuse most of the run with RATE_LIMITED; the limiter still runs.
        limits: { bodyLimitBytes: DEFAULT_LIMITS.bodyLimitBytes, rateLimitPerMinute: 1_000_000_000 },
      },
      '127.0.0.1',
      0,
    );
    servers.push(server);
    return server.url;
  };
  const authenticateOn = createAuthenticator({ auth: required, apiKeys, logger: silentLogger });
  const offUrl = await serve(async () => analyst);
  const devUrl = await serve(createAuthenticator({ auth: development, apiKeys, logger: silentLogger }));
  const onUrl = await serve(authenticateOn);
  const { key } = await apiKeys.create({ name: 'bench auth', role: 'ANALYST' }, 'system');
  // A client reuses its token until it nears expiry; a fresh one each round keeps long runs valid.
  const signToken = (): Promise<string> =>
    new SignJWT({ roles: ['ANALYST'], organisations: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('bench-analyst')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
  let token = await signToken();
  return {
    targets: () => ({
      off: { url: offUrl, headers: {} },
      'dev-admin': { url: devUrl, headers: {} },
      token: { url: onUrl, headers: { authorization: `Bearer ${token}` } },
      key: { url: onUrl, headers: { 'x-api-key': key } },
    }),
    async renewToken() {
      token = await signToken();
    },
    authenticateOn,
  };
}
