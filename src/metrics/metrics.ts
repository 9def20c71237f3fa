import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The service's Prometheus metrics, one registry per instance (so that tests, and
 * two servers in one process, do not share counters). Served at GET /metrics
 * (src/metrics/metricsRoute.ts). Label values are bounded: operation names come
 * from clients, so only a limited number of distinct ones become labels.
 */
export interface Metrics {
  registry: Registry;
  /** HTTP requests by route, method, status and GraphQL operation name. */
  httpRequests: Counter<'route' | 'method' | 'status' | 'operation'>;
  /** HTTP request latency in seconds by route and GraphQL operation name. */
  httpSeconds: Histogram<'route' | 'operation'>;
  /** Errors returned to clients, by `extensions.code`. */
  errors: Counter<'code'>;
  /** Requests that found Neo4j unreachable: refused or lost connections, pool acquisition timeouts. */
  databaseUnavailable: Counter;
  /** Runtime of one analysis, by GraphQL field: `metrics.analyticsSeconds.observe({ field }, seconds)`. */
  analyticsSeconds: Histogram<'field'>;
  /** Rebuilds of the in-memory collaboration index: `metrics.indexRebuilds.inc({ outcome: 'ok' | 'failed' })`. */
  indexRebuilds: Counter<'outcome'>;
  /** Restarts of the embedded Neo4j after its JVM died. */
  embeddedRestarts: Counter<'outcome'>;
  /** A label for a client-supplied operation name: the name, 'anonymous' or 'other'. */
  operationLabel(name: string | undefined): string;
}

export interface MetricsOptions {
  /** Also collect Node's process metrics (CPU, memory, event loop lag); default true. */
  processMetrics?: boolean;
  /** Distinct operation names kept as labels; later ones count as 'other'. */
  maxOperationLabels?: number;
}

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function createMetrics({ processMetrics = true, maxOperationLabels = 200 }: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry, prefix: 'samverkan_' });
  const operations = new Set<string>();
  return {
    registry,
    httpRequests: new Counter({
      name: 'samverkan_http_requests_total',
      help: 'HTTP requests by route, method, status and GraphQL operation name.',
      labelNames: ['route', 'method', 'status', 'operation'],
      registers: [registry],
    }),
    httpSeconds: new Histogram({
      name: 'samverkan_http_request_duration_seconds',
      help: 'HTTP request latency by route and GraphQL operation name.',
      labelNames: ['route', 'operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    errors: new Counter({ name: 'samverkan_errors_total', help: 'Errors returned to clients, by extensions.code.', labelNames: ['code'], registers: [registry] }),
    databaseUnavailable: new Counter({
      name: 'samverkan_neo4j_unavailable_total',
      help: 'Requests that found Neo4j unreachable (refused or lost connections, connection pool acquisition timeouts).',
      registers: [registry],
    }),
    analyticsSeconds: new Histogram({
      name: 'samverkan_analytics_duration_seconds',
      help: 'Runtime of one analysis, by GraphQL field.',
      labelNames: ['field'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [registry],
    }),
    indexRebuilds: new Counter({
      name: 'samverkan_collaboration_index_rebuilds_total',
      help: 'Rebuilds of the in-memory collaboration index, by outcome.',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    embeddedRestarts: new Counter({
      name: 'samverkan_embedded_neo4j_restarts_total',
      help: 'Restarts of the embedded Neo4j after its JVM died, by outcome.',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    operationLabel(name) {
      if (!name) return 'anonymous';
      if (!OPERATION_NAME.test(name)) return 'other';
      if (operations.has(name)) return name;
      if (operations.size >= maxOperationLabels) return 'other';
      operations.add(name);
      return name;
    },
  };
}
