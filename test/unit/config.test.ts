import { loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to the embedded database on loopback', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(4000);
    expect(config.database).toMatchObject({ mode: 'embedded', dataDir: '/srv/app/.data/neo4j' });
  });

  it('uses an external database when NEO4J_URI is set', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://example.invalid', NEO4J_USERNAME: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'd' });
    expect(config.database).toEqual({ mode: 'external', uri: 'neo4j+s://example.invalid', username: 'u', password: 'p', database: 'd' });
  });

  it('says what is wrong with a bad value', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://x' })).toThrow(/NEO4J_URI must start with/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ SAMVERKAN_IDE: 'maybe' })).toThrow(/SAMVERKAN_IDE must be true or false/);
  });
});
