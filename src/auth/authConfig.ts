import { createPublicKey } from 'node:crypto';
import type { AuthConfig, JwtConfig } from '../config';

export class AuthConfigError extends Error {
  override name = 'AuthConfigError';
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$|^EdDSA$/;
const SYMMETRIC = /^HS(256|384|512)$/;

/**
 * Keys fetched over plain HTTP could be swapped by anyone on the path, and with
 * them every token; plain HTTP is accepted only from this host (a local provider, tests).
 */
function checkJwksUrl(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AuthConfigError(`SAMVERKAN_JWT_JWKS_URL must be a full https URL, such as your provider's jwks_uri; got "${raw.slice(0, 100)}".`);
  }
  const local = isLoopbackHost(url.hostname) || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new AuthConfigError(`SAMVERKAN_JWT_JWKS_URL must use https (plain http only on this host); got "${raw.slice(0, 100)}".`);
  }
}

/** Read once here, so a pasted private key or certificate stops the start instead of failing every request. */
function checkPublicKey(pem: string): void {
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) {
    throw new AuthConfigError('SAMVERKAN_JWT_PUBLIC_KEY must be a PEM public key (SPKI, "-----BEGIN PUBLIC KEY-----"); never put a private key or a certificate here.');
  }
  try {
    createPublicKey(pem);
  } catch {
    throw new AuthConfigError('SAMVERKAN_JWT_PUBLIC_KEY is not a readable PEM public key. Write it on one line with \\n for the line breaks, or as a multi-line value.');
  }
}

function jwtConfig(env: NodeJS.ProcessEnv): JwtConfig | null {
  const jwksUrl = env.SAMVERKAN_JWT_JWKS_URL || undefined;
  const publicKey = env.SAMVERKAN_JWT_PUBLIC_KEY?.replace(/\\n/g, '\n') || undefined;
  const secret = env.SAMVERKAN_JWT_SECRET || undefined;
  const sources = [jwksUrl, publicKey, secret].filter(Boolean).length;
  if (sources === 0) return null;
  if (sources > 1) {
    throw new AuthConfigError('Set exactly one of SAMVERKAN_JWT_JWKS_URL, SAMVERKAN_JWT_PUBLIC_KEY and SAMVERKAN_JWT_SECRET: one key source per installation, so no token can be checked against the wrong kind of key.');
  }
  if (jwksUrl) checkJwksUrl(jwksUrl);
  if (publicKey) checkPublicKey(publicKey);
  if (secret && Buffer.byteLength(secret) < 32) throw new AuthConfigError('SAMVERKAN_JWT_SECRET must be at least 32 bytes (256 bits) long.');
  const issuer = env.SAMVERKAN_JWT_ISSUER;
  const audience = env.SAMVERKAN_JWT_AUDIENCE;
  if (!issuer || !audience) {
    throw new AuthConfigError('Tokens are configured, so SAMVERKAN_JWT_ISSUER and SAMVERKAN_JWT_AUDIENCE must be set too: a token is accepted only from that issuer and for that audience.');
  }
  const defaults = secret ? 'HS256' : 'RS256,ES256,PS256';
  const algorithms = (env.SAMVERKAN_JWT_ALGORITHMS || defaults).split(',').map((alg) => alg.trim()).filter(Boolean);
  for (const alg of algorithms) {
    const fits = secret ? SYMMETRIC.test(alg) : ASYMMETRIC.test(alg);
    if (!fits) {
      throw new AuthConfigError(
        `SAMVERKAN_JWT_ALGORITHMS has "${alg.slice(0, 20)}", which does not fit the key source: ${secret ? 'a shared secret takes HS256, HS384 or HS512' : 'a public key or JWKS takes RS*, PS*, ES* or EdDSA'} (never "none").`,
      );
    }
  }
  return {
    jwksUrl,
    publicKey,
    secret,
    issuer,
    audience,
    algorithms,
    rolesClaim: env.SAMVERKAN_JWT_ROLES_CLAIM || 'roles',
    organisationsClaim: env.SAMVERKAN_JWT_ORGANISATIONS_CLAIM || 'organisations',
  };
}

/**
 * SAMVERKAN_AUTH: `required` (tokens and/or API keys), `development` (the
 * explicit opt-out: everyone is a development administrator), or unset. Unset
 * means `required` when tokens are configured, `development` on a loopback host,
 * and a refusal to start on any other host.
 */
export function parseAuthConfig(env: NodeJS.ProcessEnv, host: string): AuthConfig {
  const jwt = jwtConfig(env);
  const raw = env.SAMVERKAN_AUTH?.trim().toLowerCase() || undefined;
  if (raw !== undefined && raw !== 'required' && raw !== 'development') {
    throw new AuthConfigError(`SAMVERKAN_AUTH must be "required" or "development"; got "${raw.slice(0, 40)}".`);
  }
  if (raw === 'development') {
    if (jwt) throw new AuthConfigError('SAMVERKAN_AUTH=development turns authentication off, but tokens are configured: unset one of them.');
    return { mode: 'development', jwt: null, explicit: true };
  }
  if (raw === 'required' || jwt) return { mode: 'required', jwt, explicit: raw !== undefined };
  if (isLoopbackHost(host)) return { mode: 'development', jwt: null, explicit: false };
  throw new AuthConfigError(
    `HOST is ${host}, reachable from other machines, and no authentication is configured, so Samverkan will not start. ` +
      'Configure tokens (SAMVERKAN_JWT_JWKS_URL, or SAMVERKAN_JWT_PUBLIC_KEY or SAMVERKAN_JWT_SECRET, with SAMVERKAN_JWT_ISSUER and SAMVERKAN_JWT_AUDIENCE), ' +
      'or set SAMVERKAN_AUTH=required to accept API keys only (create one with `npm run apikey -- create`), ' +
      'or, on a trusted network only, SAMVERKAN_AUTH=development to let every caller act as administrator.',
  );
}
