import { ConfigError, DEFAULT_LIMITS, isCidr, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to the embedded database on loopback', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(4000);
    expect(config.database).toMatchObject({ mode: 'embedded', dataDir: '/srv/app/.data/neo4j', connectTimeoutMs: 5000, restarts: 5 });
    expect(config.limits).toEqual(DEFAULT_LIMITS);
  });

  it('keeps four explorer networks computed unless told otherwise; 0 turns it off', () => {
    expect(loadConfig({}).explorerWarmUnions).toBe(4);
    expect(loadConfig({ SAMVERKAN_EXPLORER_WARM_UNIONS: '0' }).explorerWarmUnions).toBe(0);
    expect(() => loadConfig({ SAMVERKAN_EXPLORER_WARM_UNIONS: '65' })).toThrow(/SAMVERKAN_EXPLORER_WARM_UNIONS must be a whole number from 0 to 64/);
  });

  it('uses an external database when NEO4J_URI is set', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://example.invalid', NEO4J_USERNAME: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'd', NEO4J_CONNECT_TIMEOUT_MS: '2500' });
    expect(config.database).toEqual({ mode: 'external', uri: 'neo4j+s://example.invalid', username: 'u', password: 'p', database: 'd', connectTimeoutMs: 2500 });
  });

  it('says what is wrong with a bad value, naming the variable and what it accepts', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://x' })).toThrow(/NEO4J_URI must be a URI starting with one of neo4j:\/\//);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number from 0 to 65535, got "eighty"/);
    expect(() => loadConfig({ SAMVERKAN_IDE: 'maybe' })).toThrow(/SAMVERKAN_IDE must be true or false/);
    expect(() => loadConfig({ SAMVERKAN_MAX_DEPTH: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be debug, info, warn or error/);
    expect(() => loadConfig({ SAMVERKAN_METRICS_ALLOW: '10.0.0.0/33' })).toThrow(/SAMVERKAN_METRICS_ALLOW must be a comma-separated list of addresses or CIDR blocks/);
    expect(() => loadConfig({ SAMVERKAN_CORS_ORIGINS: 'https://ok.example, *' })).toThrow(/SAMVERKAN_CORS_ORIGINS/);
  });

  it('names every variable at fault at once, and never echoes a secret', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'x', SAMVERKAN_BODY_LIMIT: '-1', SAMVERKAN_METRICS_TOKEN: 'short-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT must/);
    expect(message).toMatch(/SAMVERKAN_BODY_LIMIT must be a whole number/);
    expect(message).toMatch(/SAMVERKAN_METRICS_TOKEN must be a token of at least 16 characters, got \(value hidden\)/);
    expect(message).not.toMatch(/short-secret/);
  });

  it('reads every limit from the environment', () => {
    const config = loadConfig({
      SAMVERKAN_MAX_DEPTH: '7',
      SAMVERKAN_MAX_ALIASES: '3',
      SAMVERKAN_MAX_TOKENS: '500',
      SAMVERKAN_MAX_DIRECTIVES: '4',
      SAMVERKAN_MAX_COST: '900',
      SAMVERKAN_MAX_ROWS_PER_REQUEST: '1000',
      SAMVERKAN_ANALYTICS_CONCURRENCY: '1',
      SAMVERKAN_ANALYSIS_JOBS: '3',
      SAMVERKAN_QUERY_TIMEOUT_MS: '2000',
      SAMVERKAN_BODY_LIMIT: '65536',
      SAMVERKAN_RATE_LIMIT_PER_MINUTE: '30',
    });
    expect(config.limits).toEqual({
      maxDepth: 7,
      maxAliases: 3,
      maxTokens: 500,
      maxDirectives: 4,
      maxCost: 900,
      maxRowsPerRequest: 1000,
      analyticsConcurrency: 1,
      analysisJobs: 3,
      queryTimeoutMs: 2000,
      bodyLimitBytes: 65536,
      rateLimitPerMinute: 30,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', SAMVERKAN_IDE: '', NEO4J_URI: '' }).port).toBe(4000);
  });

  it('turns the IDE, introspection and the seed off in production unless asked for', () => {
    const production = loadConfig({ NODE_ENV: 'production', SAMVERKAN_AUTH: 'development' });
    expect(production).toMatchObject({ production: true, ide: false, introspection: false, seedOnStart: false, corsOrigins: [] });
    const asked = loadConfig({ NODE_ENV: 'production', SAMVERKAN_AUTH: 'development', SAMVERKAN_INTROSPECTION: 'true', SAMVERKAN_IDE: 'yes', SAMVERKAN_SEED: '1' });
    expect(asked).toMatchObject({ ide: true, introspection: true, seedOnStart: true });
    expect(loadConfig({})).toMatchObject({ production: false, ide: true, introspection: true, seedOnStart: true, corsOrigins: [] });
  });

  it('reads CORS origins and who may scrape /metrics', () => {
    const config = loadConfig({ SAMVERKAN_CORS_ORIGINS: 'https://a.example, http://localhost:5173', SAMVERKAN_METRICS_ALLOW: '10.0.0.0/8,::1', SAMVERKAN_METRICS_TOKEN: 'a-long-enough-token' });
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(config.metrics).toEqual({ allow: ['10.0.0.0/8', '::1'], token: 'a-long-enough-token' });
    expect(loadConfig({}).metrics).toEqual({ allow: ['127.0.0.0/8', '::1/128'], token: undefined });
  });

  it('recognises CIDR blocks', () => {
    expect(['10.0.0.0/8', '192.168.1.7', '::1/128', 'fd00::/8'].every(isCidr)).toBe(true);
    expect(['10.0.0.0/33', 'example.org', '::1/129', '10.0.0.0/8/1', '1.2.3.4/x'].some(isCidr)).toBe(false);
  });
});
