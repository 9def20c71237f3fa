import type { Logger } from '../logger';
import type { EmbeddedNeo4j } from './embeddedNeo4j';

export type EmbeddedState = 'up' | 'restarting' | 'failed' | 'stopped';

export interface SupervisorOptions {
  /** Starts a JVM on the same data dir and the given Bolt port. */
  start: (boltPort: number) => Promise<EmbeddedNeo4j>;
  /** Restart attempts after one death before giving up (SAMVERKAN_NEO4J_RESTARTS). */
  restarts: number;
  /** Wait before the first attempt; it doubles with each further attempt, up to 30 s. */
  backoffMs?: number;
  logger: Logger;
  /** Called once every attempt failed. The service should exit non-zero so its own supervisor restarts it. */
  onGiveUp: (error: Error) => void;
  /** Called after each successful restart (metrics, readiness caches). */
  onRestarted?: (neo4j: EmbeddedNeo4j) => void;
}

export interface EmbeddedSupervisor {
  /** The JVM running now (a new one after each restart). */
  current(): EmbeddedNeo4j;
  state(): EmbeddedState;
  /** Stops the JVM, and any restart under way, for good. */
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * Keeps the embedded Neo4j alive: when its JVM dies unexpectedly, says so at error
 * level and starts it again on the same data dir and Bolt port, so the driver
 * reconnects by itself (requests meanwhile fail fast with DATABASE_UNAVAILABLE and
 * /readyz answers 503). Bounded attempts with exponential backoff; after the last
 * failure `onGiveUp`.
 */
export function superviseEmbedded(first: EmbeddedNeo4j, options: SupervisorOptions): EmbeddedSupervisor {
  const backoffMs = options.backoffMs ?? 1000;
  let current = first;
  let state: EmbeddedState = 'up';
  let pending: Promise<EmbeddedNeo4j> | undefined;
  let wake: (() => void) | undefined;
  // A function, not a comparison, because stop() changes `state` while a restart awaits.
  const stopped = () => state === 'stopped';

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const restart = async (): Promise<void> => {
    let lastError: Error = new Error('no restart attempted');
    for (let attempt = 1; attempt <= options.restarts; attempt += 1) {
      await sleep(Math.min(backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS));
      if (stopped()) return;
      options.logger.warn('restarting embedded Neo4j', { attempt, of: options.restarts, boltPort: current.boltPort });
      pending = options.start(current.boltPort);
      try {
        const started = await pending;
        if (stopped()) {
          await started.stop();
          return;
        }
        current = started;
        state = 'up';
        watch(started);
        options.logger.info('embedded Neo4j restarted', { attempt, pid: started.pid, boltPort: started.boltPort });
        options.onRestarted?.(started);
        return;
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error));
        options.logger.error('embedded Neo4j restart failed', { attempt, of: options.restarts, error: lastError.message.split('\n')[0] });
      } finally {
        pending = undefined;
      }
    }
    if (stopped()) return;
    state = 'failed';
    options.logger.error('embedded Neo4j could not be restarted; giving up', { attempts: options.restarts });
    options.onGiveUp(lastError);
  };

  function watch(neo4j: EmbeddedNeo4j): void {
    neo4j.onUnexpectedExit(({ code, signal }) => {
      if (stopped() || neo4j !== current) return;
      state = 'restarting';
      options.logger.error('embedded Neo4j died', { pid: neo4j.pid, code, signal, restarts: options.restarts });
      void restart();
    });
  }
  watch(first);

  return {
    current: () => current,
    state: () => state,
    async stop() {
      state = 'stopped';
      wake?.();
      const starting = pending;
      if (starting) await starting.then((neo4j) => neo4j.stop(), () => undefined);
      await current.stop();
    },
  };
}
