import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, SignJWT, type JWTPayload } from 'jose';
import type { JwtConfig } from '../../src/config';
import { claimAt, claimValues, createJwtVerifier } from '../../src/auth/jwtVerifier';

const ISSUER = 'https://login.example.test/realms/malmo';
const AUDIENCE = 'samverkan';
type SigningKey = Parameters<SignJWT['sign']>[0];

function config(overrides: Partial<JwtConfig>): JwtConfig {
  return { issuer: ISSUER, audience: AUDIENCE, algorithms: ['RS256'], rolesClaim: 'roles', organisationsClaim: 'organisations', ...overrides };
}

const now = () => Math.floor(Date.now() / 1000);

/** A token as a provider would issue it; `claims` overrides or (with undefined) removes the defaults. */
async function sign(key: SigningKey, alg: string, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): Promise<string> {
  const payload: JWTPayload = { iss: ISSUER, aud: AUDIENCE, sub: 'user-1', iat: now(), exp: now() + 300, roles: ['analyst'], organisations: ['org-a'] };
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined) delete payload[name];
    else payload[name] = value;
  }
  return new SignJWT(payload).setProtectedHeader({ alg, ...header }).sign(key);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Rejects with a GraphQL error of `code` whose message matches `message`, and never quotes `token`. */
async function refused(verify: Promise<unknown>, code: string, message: RegExp, token?: string): Promise<void> {
  const error = await verify.then(
    () => null,
    (reason: unknown) => reason as { message: string; extensions?: Record<string, unknown> },
  );
  expect(error).not.toBeNull();
  expect({ code: error?.extensions?.code, message: error?.message }).toEqual({ code, message: expect.stringMatching(message) });
  if (code === 'UNAUTHENTICATED') expect(error?.extensions?.http).toEqual({ status: 401 });
  if (token) {
    for (const part of token.split('.').filter((segment) => segment.length > 8)) expect(error?.message).not.toContain(part);
  }
}

describe('JWT verification with an RSA public key (PEM)', () => {
  let rsa: { publicKey: SigningKey; privateKey: SigningKey };
  let pem: string;
  let verify: ReturnType<typeof createJwtVerifier>;

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256', { extractable: true });
    pem = await exportSPKI(rsa.publicKey as Parameters<typeof exportSPKI>[0]);
    verify = createJwtVerifier(config({ publicKey: pem, algorithms: ['RS256', 'ES256', 'PS256'] }));
  });

  it('accepts a valid token and builds the principal from its claims', async () => {
    const principal = await verify(await sign(rsa.privateKey, 'RS256', { roles: ['viewer', 'Editor'], organisations: ['org-a', 'org-b'] }));
    expect(principal).toEqual({ id: 'token:user-1', via: 'token', role: 'EDITOR', organisations: ['org-a', 'org-b'] });
  });

  it('accepts PS256 with the same RSA key, but not ES256 (the key does not fit)', async () => {
    // WebCrypto binds a key to one algorithm, so the same RSA private key is imported again for PS256.
    const forPss = await importPKCS8(await exportPKCS8(rsa.privateKey as Parameters<typeof exportPKCS8>[0]), 'PS256');
    expect((await verify(await sign(forPss, 'PS256'))).role).toBe('ANALYST');
    const ec = await generateKeyPair('ES256');
    await refused(verify(await sign(ec.privateKey, 'ES256')), 'UNAUTHENTICATED', /algorithm this service does not accept/);
  });

  it('refuses an expired token, and one not valid yet', async () => {
    const expired = await sign(rsa.privateKey, 'RS256', { exp: now() - 120, iat: now() - 600 });
    await refused(verify(expired), 'UNAUTHENTICATED', /has expired/, expired);
    const early = await sign(rsa.privateKey, 'RS256', { nbf: now() + 600 });
    await refused(verify(early), 'UNAUTHENTICATED', /not valid yet/, early);
  });

  it('tolerates a little clock skew, no more', async () => {
    expect((await verify(await sign(rsa.privateKey, 'RS256', { exp: now() - 10 }))).id).toBe('token:user-1');
    await refused(verify(await sign(rsa.privateKey, 'RS256', { exp: now() - 60 })), 'UNAUTHENTICATED', /has expired/);
  });

  it('refuses a wrong issuer and a wrong audience', async () => {
    await refused(verify(await sign(rsa.privateKey, 'RS256', { iss: 'https://evil.example.test' })), 'UNAUTHENTICATED', /wrong issuer/);
    await refused(verify(await sign(rsa.privateKey, 'RS256', { aud: 'another-api' })), 'UNAUTHENTICATED', /wrong audience/);
  });

  it('refuses a bad signature: another key, or a changed payload', async () => {
    const other = await generateKeyPair('RS256');
    await refused(verify(await sign(other.privateKey, 'RS256')), 'UNAUTHENTICATED', /invalid signature/);
    const [header, , signature] = (await sign(rsa.privateKey, 'RS256')).split('.');
    const forged = `${header}.${b64({ iss: ISSUER, aud: AUDIENCE, sub: 'user-1', exp: now() + 300, roles: ['admin'] })}.${signature}`;
    await refused(verify(forged), 'UNAUTHENTICATED', /invalid signature/, forged);
  });

  it('refuses alg none', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: ISSUER, aud: AUDIENCE, sub: 'user-1', exp: now() + 300, roles: ['admin'] })}.`;
    await refused(verify(unsigned), 'UNAUTHENTICATED', /algorithm this service does not accept/, unsigned);
    const noneListed = createJwtVerifier(config({ publicKey: pem, algorithms: ['none', 'RS256'] }));
    await refused(noneListed(unsigned), 'UNAUTHENTICATED', /algorithm this service does not accept/, unsigned);
  });

  it('refuses HS/RS confusion: a token signed with HS256 using the public key PEM as the secret', async () => {
    const confused = await sign(new TextEncoder().encode(pem), 'HS256', { roles: ['admin'] });
    await refused(verify(confused), 'UNAUTHENTICATED', /algorithm this service does not accept/, confused);
    expect(() => createJwtVerifier(config({ publicKey: pem, algorithms: ['RS256', 'HS256'] }))).toThrow(/never takes HS\*/);
  });

  it('refuses a token without a subject or without an expiry', async () => {
    await refused(verify(await sign(rsa.privateKey, 'RS256', { sub: undefined })), 'UNAUTHENTICATED', /subject \(sub\)/);
    await refused(verify(await sign(rsa.privateKey, 'RS256', { exp: undefined })), 'UNAUTHENTICATED', /required claim "exp"/);
  });

  it('refuses malformed tokens without quoting them', async () => {
    for (const junk of ['not-a-token', 'abc.def', `${b64({ alg: 'RS256' })}.@@@.xyz`, 'a'.repeat(20_000)]) {
      await refused(verify(junk), 'UNAUTHENTICATED', /malformed|invalid signature/, junk);
    }
  });

  it('is FORBIDDEN for a valid token without a known role, naming the claim and the roles', async () => {
    await refused(verify(await sign(rsa.privateKey, 'RS256', { roles: ['superuser', 'offline_access'] })), 'FORBIDDEN', /claim "roles" must hold one of VIEWER, ANALYST, EDITOR, ADMIN/);
    await refused(verify(await sign(rsa.privateKey, 'RS256', { roles: undefined })), 'FORBIDDEN', /claim "roles"/);
  });
});

describe('JWT claims', () => {
  let es: { publicKey: SigningKey; privateKey: SigningKey };
  let pem: string;

  beforeAll(async () => {
    es = await generateKeyPair('ES256', { extractable: true });
    pem = await exportSPKI(es.publicKey as Parameters<typeof exportSPKI>[0]);
  });

  it('reads roles from a nested claim path (Keycloak realm_access.roles), with an ES256 key', async () => {
    const verify = createJwtVerifier(config({ publicKey: pem, algorithms: ['ES256'], rolesClaim: 'realm_access.roles', organisationsClaim: 'samverkan.orgs' }));
    const token = await sign(es.privateKey, 'ES256', { roles: undefined, organisations: undefined, realm_access: { roles: ['offline_access', 'admin'] }, samverkan: { orgs: ['org-x'] } });
    expect(await verify(token)).toEqual({ id: 'token:user-1', via: 'token', role: 'ADMIN', organisations: ['org-x'] });
  });

  it('reads roles and organisations given as one string, spaces or commas between', async () => {
    const verify = createJwtVerifier(config({ publicKey: pem, algorithms: ['ES256'], rolesClaim: 'scope' }));
    const token = await sign(es.privateKey, 'ES256', { scope: 'openid profile Viewer', organisations: 'org-a, org-b org-a' });
    expect(await verify(token)).toEqual({ id: 'token:user-1', via: 'token', role: 'VIEWER', organisations: ['org-a', 'org-b'] });
  });

  it('finds a claim whose name contains dots by its whole name', () => {
    expect(claimAt({ 'https://example.test/roles': ['admin'] }, 'https://example.test/roles')).toEqual(['admin']);
    expect(claimAt({ a: { b: { c: 'x' } } }, 'a.b.c')).toBe('x');
    expect(claimAt({ a: ['x'] }, 'a.0')).toBeUndefined();
    expect(claimValues([1, 'a', null, 'b,c'])).toEqual(['a', 'b', 'c']);
  });
});

describe('JWT verification with a shared secret (HS256)', () => {
  const secret = randomBytes(32).toString('base64url');
  const verify = createJwtVerifier(config({ secret, algorithms: ['HS256'] }));

  it('accepts a token signed with the secret and refuses one signed with another', async () => {
    expect((await verify(await sign(new TextEncoder().encode(secret), 'HS256'))).role).toBe('ANALYST');
    await refused(verify(await sign(randomBytes(32), 'HS256')), 'UNAUTHENTICATED', /invalid signature/);
  });

  it('refuses an RS256 token when only HS256 is configured', async () => {
    const rsa = await generateKeyPair('RS256');
    await refused(verify(await sign(rsa.privateKey, 'RS256')), 'UNAUTHENTICATED', /algorithm this service does not accept/);
  });
});

describe('JWT verification against a JWKS URL', () => {
  let server: http.Server;
  let url: string;
  let requests = 0;
  let available = true;
  let rsa: { publicKey: SigningKey; privateKey: SigningKey };

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(rsa.publicKey as Parameters<typeof exportJWK>[0])), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = http.createServer((req, res) => {
      requests += 1;
      if (!available || req.url !== '/realms/malmo/certs') {
        res.writeHead(available ? 404 : 503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/malmo/certs`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('fetches the key set over HTTP once and verifies tokens with the matching key', async () => {
    const verify = createJwtVerifier(config({ jwksUrl: url }));
    const before = requests;
    expect(await verify(await sign(rsa.privateKey, 'RS256', {}, { kid: 'key-1' }))).toEqual({ id: 'token:user-1', via: 'token', role: 'ANALYST', organisations: ['org-a'] });
    expect(await verify(await sign(rsa.privateKey, 'RS256', { sub: 'user-2' }, { kid: 'key-1' }))).toMatchObject({ id: 'token:user-2' });
    expect(requests - before).toBe(1);
  });

  it('refuses a token signed by a key the set does not hold', async () => {
    const verify = createJwtVerifier(config({ jwksUrl: url }));
    const other = await generateKeyPair('RS256');
    await refused(verify(await sign(other.privateKey, 'RS256', {}, { kid: 'key-2' })), 'UNAUTHENTICATED', /invalid signature/);
    await refused(verify(await sign(other.privateKey, 'RS256', {}, { kid: 'key-1' })), 'UNAUTHENTICATED', /invalid signature/);
  });

  it('answers SERVICE_UNAVAILABLE, not UNAUTHENTICATED, when the key set cannot be fetched', async () => {
    available = false;
    try {
      const verify = createJwtVerifier(config({ jwksUrl: url }));
      await refused(verify(await sign(rsa.privateKey, 'RS256', {}, { kid: 'key-1' })), 'SERVICE_UNAVAILABLE', /could not be fetched/);
    } finally {
      available = true;
    }
  });
});
