import pino, { type Logger as PinoLogger } from 'pino';

/**
 * Structured logging on pino: one JSON line per event on stderr, so stdout stays
 * for what the user asked for. Call sites keep `logger.info(message, fields)`.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where a logger's pino instance is kept, for pino-http and child loggers. */
const PINO = Symbol('pino');
type PinoBacked = Logger & { [PINO]: PinoLogger };

/**
 * Header and field paths that may carry credentials. Request logs carry no
 * headers at all (see src/server/requestLogging.ts); this is the second line of
 * defence for fields someone passes by mistake.
 */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'apiKey',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.token',
  '*.apiKey',
  '*["x-api-key"]',
  '*["set-cookie"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

/** An Error in a field becomes one string (its stack), so the event stays on one line. */
function errorText(value: unknown): unknown {
  return value instanceof Error ? (value.stack ?? value.message) : value;
}

function createPino(level: LogLevel | 'silent', write: (line: string) => void): PinoLogger {
  return pino(
    {
      level,
      messageKey: 'message',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { error: errorText, err: errorText },
    },
    // pino writes each event as one JSON line ending in '\n'; JSON escapes any newline inside.
    { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) },
  );
}

function wrap(instance: PinoLogger): PinoBacked {
  const emit = (at: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => instance[at](fields, message);
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error'), [PINO]: instance };
}

const toStderr = (line: string) => {
  process.stderr.write(line + '\n');
};

/** `write` receives one JSON line per event (tests capture lines that way). */
export function createLogger(level: LogLevel = 'info', write: (line: string) => void = toStderr): Logger {
  return wrap(createPino(level, write));
}

export const silentLogger: Logger = wrap(createPino('silent', () => undefined));

/**
 * The pino instance behind a logger, for pino-http. A Logger made some other way
 * (a test double) gets a pino that forwards each event to it at info level.
 */
export function pinoOf(logger: Logger): PinoLogger {
  const backed = (logger as Partial<PinoBacked>)[PINO];
  if (backed) return backed;
  return createPino('info', (line) => {
    const { message, ...fields } = JSON.parse(line) as { message?: string } & Record<string, unknown>;
    logger.info(message ?? '', fields);
  });
}

/** A logger whose every event carries `fields` (e.g. `{ component: 'neo4j-driver' }`). */
export function childLogger(logger: Logger, fields: Record<string, unknown>): Logger {
  return wrap(pinoOf(logger).child(fields));
}

export interface ThrottleOptions {
  /** How long one kind of event stays quiet after it was written. */
  windowMs?: number;
  /** Events written per window over all kinds: an outage must not write megabytes. */
  maxPerWindow?: number;
  now?: () => number;
}

/**
 * Writes the first event of each kind per window and counts the rest; the next
 * event written of that kind says how many were left out (`suppressed`). The kind
 * is the message with digits and quoted text removed, so "connection 17 failed"
 * and "connection 18 failed" are one kind.
 */
export function throttledLog(
  emit: (message: string, fields: Record<string, unknown>) => void,
  { windowMs = 60_000, maxPerWindow = 20, now = Date.now }: ThrottleOptions = {},
): (message: string, fields?: Record<string, unknown>) => void {
  const kinds = new Map<string, { until: number; suppressed: number }>();
  let windowStart = now();
  let written = 0;
  return (message, fields = {}) => {
    const at = now();
    if (at - windowStart >= windowMs) {
      windowStart = at;
      written = 0;
    }
    const kind = message.replace(/'[^']*'|"[^"]*"|\d+/g, '#').slice(0, 120);
    let state = kinds.get(kind);
    if (!state) {
      if (kinds.size >= 200) kinds.clear();
      state = { until: 0, suppressed: 0 };
      kinds.set(kind, state);
    }
    if (at < state.until || written >= maxPerWindow) {
      state.suppressed += 1;
      return;
    }
    written += 1;
    state.until = at + windowMs;
    const suppressed = state.suppressed;
    state.suppressed = 0;
    emit(message.length > 1000 ? message.slice(0, 1000) + '…' : message, suppressed > 0 ? { ...fields, suppressed } : fields);
  };
}
