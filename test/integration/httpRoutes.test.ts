import express from 'express';
import { buildSchema } from '../../src/schema/buildSchema';
import { createServer, type RunningServer } from '../../src/server/createServer';
import { silentLogger } from '../../src/logger';
import { UnauthenticatedError } from '../../src/errors';
import type { Principal } from '../../src/auth/principal';

/** Routes beside /graphql (reports, exports) sit behind the same authentication. */
let server: RunningServer;
let base: string;

beforeAll(async () => {
  const router = express.Router();
  router.get('/reports/whoami', (_req, res) => {
    res.json({ principal: (res.locals.principal as Principal).id });
  });
  server = await createServer(
    {
      schema: buildSchema(),
      logger: silentLogger,
      ide: false,
      authenticate: async (req) => {
        if (req.headers['x-api-key'] !== 'svk_test_key') throw new UnauthenticatedError('Send an API key.');
        return { id: 'apikey:test', via: 'apiKey', role: 'ANALYST', organisations: [] };
      },
      context: async () => {
        throw new Error('not used');
      },
      ready: async () => undefined,
      routes: [{ path: '/reports', router }],
    },
    '127.0.0.1',
    0,
  );
  base = server.url.replace(/\/graphql$/, '');
});

afterAll(async () => {
  await server.stop();
});

it('refuses a route without credentials with a coded 401 and serves it with them', async () => {
  const refused = await fetch(`${base}/reports/whoami`);
  expect(refused.status).toBe(401);
  expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  const served = await fetch(`${base}/reports/whoami`, { headers: { 'x-api-key': 'svk_test_key' } });
  expect(served.status).toBe(200);
  expect(await served.json()).toEqual({ principal: 'apikey:test' });
});
