import { createContext } from '../../src/context';
import { createLogger } from '../../src/logger';
import { createServiceInfoProvider } from '../../src/system/serviceInfo';
import { UnauthenticatedError } from '../../src/errors';
import type { Principal } from '../../src/auth/principal';
import type { ServerDependencies } from '../../src/server/createServer';
import { exportsRouter } from '../../src/visualisation/exportsRoute';
import { ADMIN, ANALYST, VIEWER } from '../helpers/principals';
import type { TestApi } from '../helpers/testApi';
import { startHttpTestServer, type HttpTestServer } from './httpTestServer';

const PRINCIPALS: Record<string, Principal> = { ADMIN, ANALYST, VIEWER };

/**
 * The real HTTP server with /exports on the test API's database and analytics,
 * authentication in front of the route as in the service: the X-Test-Role header
 * picks the caller (default ANALYST; an unknown role is unauthenticated).
 */
export function startExportsTestServer(api: TestApi, overrides: Partial<ServerDependencies> = {}): Promise<HttpTestServer> {
  const logger = createLogger('error', () => undefined);
  const serviceInfo = createServiceInfoProvider(api.db, 'test');
  const context = async (principal: Principal) => createContext({ db: api.db, logger, serviceInfo, analytics: api.analytics, principal });
  return startHttpTestServer({
    authenticate: async (req) => {
      const role = req.header('x-test-role') ?? 'ANALYST';
      if (!PRINCIPALS[role]) throw new UnauthenticatedError('Send a bearer token or an API key.');
      return PRINCIPALS[role];
    },
    context,
    routes: [{ path: '/exports', router: exportsRouter({ context, logger }) }],
    ...overrides,
  });
}
