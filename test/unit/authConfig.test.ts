import { generateKeyPairSync } from 'node:crypto';
import { AuthConfigError, isLoopbackHost, parseAuthConfig } from '../../src/auth/authConfig';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const TOKENS = { SAMVERKAN_JWT_ISSUER: 'https://login.example.test', SAMVERKAN_JWT_AUDIENCE: 'samverkan' };

function refusal(env: NodeJS.ProcessEnv, host = '127.0.0.1'): string {
  try {
    parseAuthConfig(env, host);
  } catch (error) {
    expect(error).toBeInstanceOf(AuthConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('parseAuthConfig', () => {
  it('is development on a loopback host with nothing configured, and refuses other hosts', () => {
    expect(parseAuthConfig({}, '127.0.0.1')).toEqual({ mode: 'development', jwt: null, explicit: false });
    expect(parseAuthConfig({}, 'localhost').mode).toBe('development');
    expect(refusal({}, '0.0.0.0')).toMatch(/will not start.*SAMVERKAN_JWT_JWKS_URL.*SAMVERKAN_AUTH=required.*npm run apikey/);
    expect(parseAuthConfig({ SAMVERKAN_AUTH: 'required' }, '0.0.0.0')).toEqual({ mode: 'required', jwt: null, explicit: true });
    expect(parseAuthConfig({ SAMVERKAN_AUTH: 'development' }, '0.0.0.0')).toEqual({ mode: 'development', jwt: null, explicit: true });
    expect(isLoopbackHost('127.0.0.2')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });

  it('reads a JWKS configuration with its claims and default algorithms', () => {
    const config = parseAuthConfig(
      { ...TOKENS, SAMVERKAN_JWT_JWKS_URL: 'https://login.example.test/realms/malmo/protocol/openid-connect/certs', SAMVERKAN_JWT_ROLES_CLAIM: 'realm_access.roles' },
      '0.0.0.0',
    );
    expect(config).toEqual({
      mode: 'required',
      explicit: false,
      jwt: {
        jwksUrl: 'https://login.example.test/realms/malmo/protocol/openid-connect/certs',
        publicKey: undefined,
        secret: undefined,
        issuer: 'https://login.example.test',
        audience: 'samverkan',
        algorithms: ['RS256', 'ES256', 'PS256'],
        rolesClaim: 'realm_access.roles',
        organisationsClaim: 'organisations',
      },
    });
  });

  it('takes plain-http JWKS only from this host', () => {
    expect(parseAuthConfig({ ...TOKENS, SAMVERKAN_JWT_JWKS_URL: 'http://127.0.0.1:8080/certs' }, '0.0.0.0').jwt?.jwksUrl).toBe('http://127.0.0.1:8080/certs');
    expect(refusal({ ...TOKENS, SAMVERKAN_JWT_JWKS_URL: 'http://login.example.test/certs' })).toMatch(/must use https/);
    expect(refusal({ ...TOKENS, SAMVERKAN_JWT_JWKS_URL: 'login.example.test/certs' })).toMatch(/full https URL/);
  });

  it('reads a public key written on one line with \\n, and refuses a private key or junk', () => {
    const oneLine = PUBLIC_PEM.replace(/\n/g, '\\n');
    expect(parseAuthConfig({ ...TOKENS, SAMVERKAN_JWT_PUBLIC_KEY: oneLine }, '127.0.0.1').jwt?.publicKey).toBe(PUBLIC_PEM);
    expect(refusal({ ...TOKENS, SAMVERKAN_JWT_PUBLIC_KEY: PRIVATE_PEM })).toMatch(/never put a private key/);
    expect(refusal({ ...TOKENS, SAMVERKAN_JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----' })).toMatch(/not a readable PEM public key/);
  });

  it('refuses algorithms that do not fit the key source, and none', () => {
    const secret = 'x'.repeat(32);
    expect(parseAuthConfig({ ...TOKENS, SAMVERKAN_JWT_SECRET: secret }, '127.0.0.1').jwt?.algorithms).toEqual(['HS256']);
    expect(refusal({ ...TOKENS, SAMVERKAN_JWT_SECRET: secret, SAMVERKAN_JWT_ALGORITHMS: 'HS256,RS256' })).toMatch(/"RS256".*shared secret takes HS256/);
    expect(refusal({ ...TOKENS, SAMVERKAN_JWT_PUBLIC_KEY: PUBLIC_PEM, SAMVERKAN_JWT_ALGORITHMS: 'RS256,HS256' })).toMatch(/"HS256".*public key or JWKS takes/);
    expect(refusal({ ...TOKENS, SAMVERKAN_JWT_PUBLIC_KEY: PUBLIC_PEM, SAMVERKAN_JWT_ALGORITHMS: 'none' })).toMatch(/never "none"/);
    expect(refusal({ ...TOKENS, SAMVERKAN_JWT_SECRET: 'short' })).toMatch(/at least 32 bytes/);
  });

  it('needs exactly one key source, with issuer and audience', () => {
    expect(refusal({ ...TOKENS, SAMVERKAN_JWT_SECRET: 'x'.repeat(32), SAMVERKAN_JWT_PUBLIC_KEY: PUBLIC_PEM })).toMatch(/exactly one of/);
    expect(refusal({ SAMVERKAN_JWT_SECRET: 'x'.repeat(32) })).toMatch(/SAMVERKAN_JWT_ISSUER and SAMVERKAN_JWT_AUDIENCE must be set/);
    expect(refusal({ ...TOKENS, SAMVERKAN_JWT_SECRET: 'x'.repeat(32), SAMVERKAN_AUTH: 'development' })).toMatch(/turns authentication off, but tokens are configured/);
    expect(refusal({ SAMVERKAN_AUTH: 'maybe' })).toMatch(/must be "required" or "development"/);
  });
});
