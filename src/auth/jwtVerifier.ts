import { createPublicKey } from 'node:crypto';
import { createRemoteJWKSet, errors, importSPKI, jwtVerify, type JWTHeaderParameters, type JWTPayload } from 'jose';
import type { JwtConfig } from '../config';
import { ForbiddenError, ServiceUnavailableError, UnauthenticatedError } from '../errors';
import type { Principal } from './principal';
import { ROLES, strongestRole } from './roles';

/** Checks a bearer token and says who it speaks for. */
export type JwtVerifier = (token: string) => Promise<Principal>;

/** Providers rotate keys rarely; a token with an unknown `kid` may refetch the set at most this often. */
const JWKS_COOLDOWN_MS = 30_000;
/** A slow provider must not hold requests for long. */
const JWKS_TIMEOUT_MS = 5_000;
const JWKS_MAX_AGE_MS = 10 * 60_000;
/** Clocks of the provider and this host may disagree a little. */
const CLOCK_TOLERANCE_S = 30;
/** Far above any real token (Entra ID's with many groups stay below 8 KB): longer input is refused unparsed. */
const MAX_TOKEN_LENGTH = 16 * 1024;
const MAX_SUBJECT_LENGTH = 255;

const SYMMETRIC = /^HS(256|384|512)$/;

type VerifyKey = Uint8Array | Awaited<ReturnType<typeof importSPKI>>;
type KeySource = Uint8Array | ((header: JWTHeaderParameters) => Promise<VerifyKey>);

/** `alg: none` never counts, whatever the configuration says. */
function acceptedAlgorithms(config: JwtConfig): string[] {
  const algorithms = config.algorithms.filter((alg) => alg.toLowerCase() !== 'none');
  if (algorithms.length === 0) throw new Error('JWT configuration: no signing algorithm is accepted (and "none" never is).');
  const symmetric = algorithms.filter((alg) => SYMMETRIC.test(alg));
  // HS* next to a public key is the classic confusion: the public key, being public,
  // would serve as an HMAC secret anyone can sign with.
  if (config.secret ? symmetric.length !== algorithms.length : symmetric.length > 0) {
    throw new Error(`JWT configuration: ${config.secret ? 'a shared secret takes only HS* algorithms' : 'a public key or JWKS never takes HS* algorithms'}; got ${algorithms.join(', ')}.`);
  }
  return algorithms;
}

/** One PEM, imported once for each configured algorithm it fits (an RSA key fits RS* and PS*, not ES*). */
function publicKeySource(pem: string, algorithms: string[]): KeySource {
  // Fails at start, not at the first request, when the PEM is not a public key at all.
  const parsed = createPublicKey(pem);
  if (parsed.type !== 'public') throw new Error('JWT configuration: SAMVERKAN_JWT_PUBLIC_KEY must be a public key (PEM, SPKI).');
  let imported: Promise<Map<string, VerifyKey>> | undefined;
  const importAll = async () => {
    const keys = new Map<string, VerifyKey>();
    const results = await Promise.allSettled(algorithms.map((alg) => importSPKI(pem, alg)));
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') keys.set(algorithms[index], result.value);
    });
    return keys;
  };
  return async (header) => {
    imported ??= importAll();
    const key = (await imported).get(header.alg);
    if (!key) throw new errors.JOSEAlgNotAllowed('the configured public key does not fit this algorithm');
    return key;
  };
}

function keySource(config: JwtConfig, algorithms: string[]): KeySource {
  if (config.jwksUrl) {
    const jwks = createRemoteJWKSet(new URL(config.jwksUrl), {
      cooldownDuration: JWKS_COOLDOWN_MS,
      timeoutDuration: JWKS_TIMEOUT_MS,
      cacheMaxAge: JWKS_MAX_AGE_MS,
    });
    return (header) => jwks(header);
  }
  if (config.publicKey) return publicKeySource(config.publicKey, algorithms);
  if (config.secret) return new TextEncoder().encode(config.secret);
  throw new Error('JWT configuration: set a JWKS URL, a public key or a shared secret.');
}

/**
 * A claim by dotted path (`realm_access.roles`). A claim whose own name holds
 * dots (Auth0's `https://example.org/roles`) is found by its whole name first.
 */
export function claimAt(payload: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  let current: unknown = payload;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** A claim's values: an array of strings, or one string separated by spaces or commas (OAuth's `scope` style). */
export function claimValues(value: unknown): string[] {
  const items = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  return [...new Set(items.flatMap((item) => item.split(/[\s,]+/)).filter(Boolean))];
}

const NEW_TOKEN = 'Send a current token from the configured identity provider in `Authorization: Bearer <token>`.';

/** What went wrong, in general terms and never quoting the token. */
function describe(error: unknown): string | null {
  if (error instanceof errors.JWTExpired) return 'has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `lacks the required claim "${error.claim}"`;
    switch (error.claim) {
      case 'nbf':
        return 'is not valid yet (nbf lies in the future)';
      case 'iss':
        return 'comes from an issuer this service does not accept (wrong issuer)';
      case 'aud':
        return 'is meant for another audience (wrong audience)';
      case 'iat':
        return 'has an invalid issue time (iat)';
      default:
        return 'has invalid claims';
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'has an invalid signature';
  if (error instanceof errors.JWKSNoMatchingKey) return 'has an invalid signature (no key of the issuer matches it)';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'is signed with an algorithm this service does not accept';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) return 'is malformed';
  return null;
}

/**
 * The verifier for one configuration: issuer, audience, algorithm and expiry are
 * all required; roles and organisations come from the configured claims.
 * Bad credentials are UNAUTHENTICATED; a valid token without any Samverkan role is
 * FORBIDDEN (the caller is known, but may do nothing); an unreachable JWKS is
 * SERVICE_UNAVAILABLE, since the caller's token may well be fine.
 */
export function createJwtVerifier(config: JwtConfig): JwtVerifier {
  const algorithms = acceptedAlgorithms(config);
  const key = keySource(config, algorithms);
  const options = {
    issuer: config.issuer,
    audience: config.audience,
    algorithms,
    requiredClaims: ['exp'],
    clockTolerance: CLOCK_TOLERANCE_S,
  };
  return async (token) => {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
      throw new UnauthenticatedError(`The bearer token is malformed. ${NEW_TOKEN}`);
    }
    let payload: JWTPayload;
    try {
      // Two calls rather than one with a union key, so that TypeScript picks jose's overloads.
      ({ payload } = key instanceof Uint8Array ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options));
    } catch (error) {
      const what = describe(error);
      if (what) throw new UnauthenticatedError(`The bearer token ${what}. ${NEW_TOKEN}`);
      if (config.jwksUrl) {
        throw new ServiceUnavailableError('The identity provider’s signing keys (JWKS) could not be fetched, so the token could not be checked. Try again in a moment.');
      }
      throw new UnauthenticatedError(`The bearer token could not be verified. ${NEW_TOKEN}`);
    }
    const subject = payload.sub;
    if (typeof subject !== 'string' || subject.length === 0 || subject.length > MAX_SUBJECT_LENGTH) {
      throw new UnauthenticatedError(`The bearer token lacks a subject (sub) of 1–${MAX_SUBJECT_LENGTH} characters. ${NEW_TOKEN}`);
    }
    const role = strongestRole(claimValues(claimAt(payload, config.rolesClaim)));
    if (role === null) {
      throw new ForbiddenError(
        `The token is valid but carries no Samverkan role: its claim "${config.rolesClaim}" must hold one of ${ROLES.join(', ')} (in any case). Ask the identity provider's administrator to assign one.`,
        { claim: config.rolesClaim, roles: [...ROLES] },
      );
    }
    return { id: `token:${subject}`, via: 'token', role, organisations: claimValues(claimAt(payload, config.organisationsClaim)) };
  };
}
