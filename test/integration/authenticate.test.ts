import type { IncomingHttpHeaders } from 'node:http';
import { generateKeyPair, exportSPKI, SignJWT } from 'jose';
import { createAuthenticator, credentialOf } from '../../src/auth/authenticate';
import { ApiKeyService } from '../../src/auth/apiKeys/apiKeyService';
import { DEVELOPMENT_ADMIN } from '../../src/auth/principal';
import type { AuthConfig, JwtConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createActor } from '../helpers/fixtures';
import { useTestApi } from '../helpers/testApi';

const api = useTestApi();
const logged: string[] = [];
const logger = createLogger('debug', (line) => logged.push(line));
let service: ApiKeyService;
let jwt: JwtConfig;
let signToken: (claims: Record<string, unknown>) => Promise<string>;
let analystKey: string;
let editorKey: string;

const REQUIRED: () => AuthConfig = () => ({ mode: 'required', jwt, explicit: true });
const KEYS_ONLY: AuthConfig = { mode: 'required', jwt: null, explicit: true };
const DEVELOPMENT: AuthConfig = { mode: 'development', jwt: null, explicit: false };

async function refusal(authenticate: Promise<unknown>): Promise<{ code: unknown; status: unknown; message: string }> {
  const error = (await authenticate.then(() => null, (reason: unknown) => reason)) as { message: string; extensions: Record<string, unknown> } | null;
  if (!error) throw new Error('expected the request to be refused');
  return { code: error.extensions.code, status: (error.extensions.http as { status?: number } | undefined)?.status, message: error.message };
}

const as = (headers: IncomingHttpHeaders) => ({ headers });

beforeAll(async () => {
  await api.wipe();
  await createActor(api, { id: 'org-a', kind: 'ASSOCIATION' });
  service = new ApiKeyService({ db: api.db, logger });
  analystKey = (await service.create({ name: 'Analyst bot', role: 'ANALYST' }, 'system:test')).key;
  editorKey = (await service.create({ name: 'Editor bot', role: 'EDITOR', organisations: ['org-a'] }, 'system:test')).key;
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  jwt = {
    publicKey: await exportSPKI(publicKey),
    issuer: 'https://login.example.test',
    audience: 'samverkan',
    algorithms: ['RS256'],
    rolesClaim: 'realm_access.roles',
    organisationsClaim: 'organisations',
  };
  signToken = (claims) =>
    new SignJWT({ iss: jwt.issuer, aud: jwt.audience, sub: 'alice', exp: Math.floor(Date.now() / 1000) + 300, ...claims }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
});

describe('authenticate, authentication required', () => {
  it('accepts a bearer token and API keys in each accepted header', async () => {
    const authenticate = createAuthenticator({ auth: REQUIRED(), apiKeys: service, logger });
    const token = await signToken({ realm_access: { roles: ['editor'] }, organisations: ['org-a'] });
    expect(await authenticate(as({ authorization: `Bearer ${token}` }))).toEqual({ id: 'token:alice', via: 'token', role: 'EDITOR', organisations: ['org-a'] });
    expect(await authenticate(as({ authorization: `bearer   ${token}` }))).toMatchObject({ id: 'token:alice' });
    const editor = { via: 'apiKey', role: 'EDITOR', organisations: ['org-a'] };
    expect(await authenticate(as({ authorization: `ApiKey ${editorKey}` }))).toMatchObject(editor);
    expect(await authenticate(as({ 'x-api-key': editorKey }))).toMatchObject(editor);
    // Clients that only know bearer authentication.
    expect(await authenticate(as({ authorization: `Bearer ${editorKey}` }))).toMatchObject(editor);
    expect(await authenticate(as({ authorization: `Bearer ${analystKey}` }))).toMatchObject({ via: 'apiKey', role: 'ANALYST', organisations: [] });
  });

  it('refuses a request without credentials, saying which header to send', async () => {
    const withTokens = createAuthenticator({ auth: REQUIRED(), apiKeys: service, logger });
    expect(await refusal(withTokens(as({})))).toEqual({ code: 'UNAUTHENTICATED', status: 401, message: expect.stringMatching(/Authorization: Bearer <token>.*X-API-Key: svk_/) });
    const keysOnly = createAuthenticator({ auth: KEYS_ONLY, apiKeys: service, logger });
    const refused = await refusal(keysOnly(as({ authorization: '  ' })));
    expect(refused.message).toMatch(/send an API key as `Authorization: ApiKey svk_…` or `X-API-Key: svk_…`/);
    expect(refused.message).not.toMatch(/Bearer/);
  });

  it('refuses a token when tokens are not configured, saying so', async () => {
    const keysOnly = createAuthenticator({ auth: KEYS_ONLY, apiKeys: service, logger });
    const token = await signToken({ realm_access: { roles: ['admin'] } });
    expect(await refusal(keysOnly(as({ authorization: `Bearer ${token}` })))).toEqual({ code: 'UNAUTHENTICATED', status: 401, message: expect.stringMatching(/Bearer tokens are not configured/) });
  });

  it('refuses bad credentials without quoting or logging them', async () => {
    const authenticate = createAuthenticator({ auth: REQUIRED(), apiKeys: service, logger });
    const wrongKey = `${editorKey.slice(0, 17)}${'B'.repeat(43)}`;
    const expired = await signToken({ realm_access: { roles: ['admin'] }, exp: Math.floor(Date.now() / 1000) - 3600 });
    const cases: Array<[IncomingHttpHeaders, RegExp, string]> = [
      [{ authorization: `Bearer ${expired}` }, /has expired/, expired],
      [{ authorization: `ApiKey ${wrongKey}` }, /unknown, revoked or expired/, wrongKey],
      [{ 'x-api-key': 'svk_nonsense' }, /malformed/, 'svk_nonsense'],
      [{ authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }, /must be `Bearer <token>` or `ApiKey svk_…`/, 'YWRtaW46YWRtaW4='],
      [{ authorization: `Bearer ${editorKey}`, 'x-api-key': editorKey }, /both an Authorization and an X-API-Key header/, editorKey],
      [{ 'x-api-key': `${editorKey}, ${analystKey}` }, /exactly one key/, editorKey],
    ];
    logged.length = 0;
    for (const [headers, message, secret] of cases) {
      const refused = await refusal(authenticate(as(headers)));
      expect({ headers, refused }).toEqual({ headers, refused: { code: 'UNAUTHENTICATED', status: 401, message: expect.stringMatching(message) } });
      expect(refused.message).not.toContain(secret.slice(5));
    }
    expect(logged).toHaveLength(cases.length);
    for (const line of logged) {
      expect(JSON.parse(line)).toMatchObject({ message: 'authentication refused', code: 'UNAUTHENTICATED' });
      for (const [, , secret] of cases) expect(line).not.toContain(secret.slice(5));
    }
  });

  it('is FORBIDDEN for a valid token without a role', async () => {
    const authenticate = createAuthenticator({ auth: REQUIRED(), apiKeys: service, logger });
    const token = await signToken({ realm_access: { roles: ['offline_access'] } });
    expect(await refusal(authenticate(as({ authorization: `Bearer ${token}` })))).toEqual({ code: 'FORBIDDEN', status: undefined, message: expect.stringMatching(/claim "realm_access.roles"/) });
  });
});

describe('authenticate, development mode', () => {
  it('acts as the development administrator without credentials, and still honours one that is sent', async () => {
    const authenticate = createAuthenticator({ auth: DEVELOPMENT, apiKeys: service, logger });
    expect(await authenticate(as({}))).toBe(DEVELOPMENT_ADMIN);
    expect(await authenticate(as({ 'x-api-key': analystKey }))).toMatchObject({ via: 'apiKey', role: 'ANALYST' });
    expect((await refusal(authenticate(as({ 'x-api-key': `${analystKey.slice(0, 17)}${'C'.repeat(43)}` })))).code).toBe('UNAUTHENTICATED');
  });
});

describe('credentialOf', () => {
  it('tells tokens from API keys by scheme and prefix', () => {
    expect(credentialOf({})).toBeNull();
    expect(credentialOf({ authorization: 'Bearer abc.def.ghi' })).toEqual({ kind: 'token', token: 'abc.def.ghi' });
    expect(credentialOf({ authorization: 'APIKEY svk_x' })).toEqual({ kind: 'apiKey', key: 'svk_x' });
    expect(credentialOf({ authorization: 'Bearer svk_x' })).toEqual({ kind: 'apiKey', key: 'svk_x' });
    expect(credentialOf({ 'x-api-key': ' svk_y ' })).toEqual({ kind: 'apiKey', key: 'svk_y' });
  });
});
