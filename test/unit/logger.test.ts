import { childLogger, createLogger, pinoOf, silentLogger, throttledLog } from '../../src/logger';

describe('createLogger', () => {
  it('writes one JSON line per event with level, message and fields', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    logger.debug('not written');
    logger.info('started', { port: 4000 });
    logger.warn('careful');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', message: 'started', port: 4000, time: expect.any(String) });
    expect(JSON.parse(lines[1])).toMatchObject({ level: 'warn', message: 'careful' });
  });

  it('keeps a stack trace inside one line', () => {
    const lines: string[] = [];
    const logger = createLogger('error', (line) => lines.push(line));
    logger.error('unexpected error', { error: new Error('boom\nsecond line') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/\n/);
    expect(JSON.parse(lines[0]).error).toMatch(/^Error: boom\nsecond line\n\s+at /);
  });

  it('redacts credentials passed as fields', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    logger.info('request', { headers: { authorization: 'Bearer eyJ.secret', 'x-api-key': 'sk_secret', cookie: 'sid=secret' }, token: 'secret' });
    expect(lines[0]).not.toMatch(/secret/);
    expect(JSON.parse(lines[0]).headers).toEqual({ authorization: '[redacted]', 'x-api-key': '[redacted]', cookie: '[redacted]' });
  });

  it('gives child loggers their fields, and the silent logger writes nothing', () => {
    const lines: string[] = [];
    childLogger(createLogger('info', (line) => lines.push(line)), { component: 'neo4j-driver' }).warn('slow');
    expect(JSON.parse(lines[0])).toMatchObject({ component: 'neo4j-driver', message: 'slow', level: 'warn' });
    expect(() => silentLogger.error('x')).not.toThrow();
  });

  it('lets pino-http log through a logger made some other way', () => {
    const seen: Array<[string, Record<string, unknown>]> = [];
    const double = { debug() {}, info: (message: string, fields: Record<string, unknown> = {}) => seen.push([message, fields]), warn() {}, error() {} };
    pinoOf(double).info({ status: 200 }, 'request');
    expect(seen).toEqual([['request', expect.objectContaining({ status: 200 })]]);
  });
});

describe('throttledLog', () => {
  it('writes each kind once per window and says how many it left out', () => {
    let now = 0;
    const written: Array<[string, Record<string, unknown>]> = [];
    const log = throttledLog((message, fields) => written.push([message, fields]), { windowMs: 1000, now: () => now });
    for (let i = 0; i < 500; i += 1) log(`connection ${i} to 'localhost:${7000 + i}' failed`);
    log('pool closed');
    expect(written.map(([message]) => message)).toEqual(["connection 0 to 'localhost:7000' failed", 'pool closed']);
    now = 1500;
    log("connection 900 to 'db:7687' failed");
    expect(written[2]).toEqual(["connection 900 to 'db:7687' failed", { suppressed: 499 }]);
  });

  it('bounds the lines per window over all kinds', () => {
    const written: string[] = [];
    const log = throttledLog((message) => written.push(message), { windowMs: 1000, maxPerWindow: 5, now: () => 0 });
    for (let i = 0; i < 100; i += 1) log(`kind ${'x'.repeat(i)}`);
    expect(written).toHaveLength(5);
  });
});
