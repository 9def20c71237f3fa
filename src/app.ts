import { GraphVersionClock } from './system/graphVersionClock';
import type { Config } from './config';
import type { Logger } from './logger';
import { connectDatabase, type ConnectedDatabase } from './db/connectDatabase';
import { migrate } from './db/migrate';
import { buildSchema } from './schema/buildSchema';
import { createServer, type RunningServer } from './server/createServer';
import { createContext } from './context';
import { createServiceInfoProvider } from './system/serviceInfo';
import { seedIfEmpty } from './seed/loadDataset';
import { VERSION } from './version';
import { ApiKeyService } from './auth/apiKeys/apiKeyService';
import type { Principal } from './auth/principal';
import { createAuthenticator } from './auth/authenticate';
import { createMetrics } from './metrics/metrics';
import { armorFor } from './limits/armor';
import { reportsRouter } from './reports/reportsRoute';
import { exportsRouter } from './visualisation/exportsRoute';
import { appUnionWarmer } from './visualisation/unionWarmer';
import { UnionBodies } from './visualisation/unionBodies';
import { explorerRouter } from './explorer/explorerRoute';
import { AnalyticsService } from './analytics/analyticsService';
import { CollaborationIndexStore, type CollaborationIndexStoreDependencies } from './analytics/collaborationIndex/collaborationIndexStore';
import { returnGarbageSoon } from './system/heap';
import { importsRouter } from './import/importsRoute';

export interface App {
  url: string;
  database: ConnectedDatabase;
  server: RunningServer;
  stop(): Promise<void>;
}

/** Loud on purpose: without authentication every caller is an administrator. */
function warnDevelopmentMode(config: Config, logger: Logger): void {
  const why = config.auth.explicit ? 'SAMVERKAN_AUTH=development is set' : `no authentication is configured and HOST is the loopback address ${config.host}`;
  logger.warn('authentication is off: every request acts as a development administrator', { reason: why });
  process.stderr.write(
    `\n  !!! Samverkan runs WITHOUT AUTHENTICATION: ${why}.\n` +
      '  !!! Every request acts as a development ADMIN (it can read citizens\' details and change everything).\n' +
      '  !!! For real use, configure tokens or API keys: see README, "Running it for real".\n\n',
  );
}

/** Composition root: config → database → migrations → seed → schema → server. */
export async function startApp(config: Config, logger: Logger): Promise<App> {
  const metrics = createMetrics();
  const database = await connectDatabase(config.database, logger, {
    events: { unavailable: () => metrics.databaseUnavailable.inc() },
    transactionTimeoutMs: config.limits.queryTimeoutMs,
    onRestarted: () => metrics.embeddedRestarts.inc({ outcome: 'ok' }),
  });
  try {
    await migrate(database.db, logger);
    if (config.seedOnStart && (await seedIfEmpty(database.db, logger))) logger.info('loaded the Malmö seed dataset');
    const serviceInfo = createServiceInfoProvider(database.db, VERSION);
    // Read now, in the background: the first analysis (an explorer's first union) would otherwise wait for four statements.
    serviceInfo.get().catch((error: unknown) => logger.warn('service info: could not read the versions at startup', { error: String(error) }));
    // After a whole build (startup, or a change to the area tree), its garbage goes back at once (system/heap.ts).
    let cancelGarbage = (): void => undefined;
    const onRebuild: CollaborationIndexStoreDependencies['onRebuild'] = (outcome) => {
      metrics.indexRebuilds.inc({ outcome });
      if (outcome !== 'ok') return;
      cancelGarbage();
      cancelGarbage = returnGarbageSoon(logger, 'collaboration index build');
    };
    const index = config.analyticsIndex ? new CollaborationIndexStore({ db: database.db, logger, onRebuild }) : undefined;
    // The explorer's union bodies hold citizens' names: an erasure empties them with the analytics (forgetAll).
    const unionBodies = new UnionBodies();
    const analytics = new AnalyticsService({ db: database.db, serviceInfo, logger, timeoutMs: config.analyticsTimeoutMs, index, concurrency: config.limits.analyticsConcurrency, jobConcurrency: config.limits.analysisJobs,
      alsoForget: [unionBodies],
      versions: new GraphVersionClock(database.db, config.graphVersionMaxAgeMs),
      observeRuntime: (field, seconds) => metrics.analyticsSeconds.observe({ field }, seconds),
    });
    // Built in the background: until it is ready, the same answers come from Cypher.
    index?.refresh().catch((error: unknown) => logger.warn('collaboration index: first build failed', { error: String(error) }));
    const apiKeys = new ApiKeyService({ db: database.db, logger });
    const authenticate = createAuthenticator({ auth: config.auth, apiKeys, logger });
    if (config.auth.mode === 'development') warnDevelopmentMode(config, logger);
    database.db.pruneWriteReceiptsEvery(10 * 60_000, logger);
    const context = async (principal: Principal) =>
      createContext({ db: database.db, logger, serviceInfo, analytics, principal, apiKeys, suppressionK: config.suppressionK, limits: config.limits });
    const warmer = appUnionWarmer(config, context, logger);
    const server = await createServer(
      {
        schema: buildSchema(),
        logger,
        ide: config.ide,
        authenticate,
        context,
        routes: [
          { path: '/reports', router: reportsRouter({ context, logger }) },
          { path: '/exports', router: exportsRouter({ context, logger, warmer, bodies: unionBodies }) },
          { path: '/imports', router: importsRouter({ db: database.db, logger }) },
        ],
        pages: [explorerRouter()],
        ready: async () => {
          if (database.state() !== 'up') throw new Error('the embedded Neo4j is restarting');
          await database.db.readRows('system/ping');
        },
        introspection: config.introspection,
        limits: config.limits,
        corsOrigins: config.corsOrigins,
        metrics,
        metricsAccess: config.metrics,
        armor: armorFor(config.limits),
      },
      config.host,
      config.port,
    );
    warmer.start().catch((error: unknown) => logger.warn('explorer warm-up: could not start', { error: String(error) }));
    let stopping: Promise<void> | null = null;
    return {
      url: server.url,
      database,
      server,
      stop() {
        stopping ??= (async () => {
          warmer.stop();
          await server.stop();
          await index?.close();
          // A collection still due after the last index build would pause the process after the service has gone.
          cancelGarbage();
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
