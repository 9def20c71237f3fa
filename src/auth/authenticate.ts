import type { IncomingHttpHeaders } from 'node:http';
import type { AuthConfig } from '../config';
import type { Logger } from '../logger';
import { ClientError, UnauthenticatedError } from '../errors';
import type { ApiKeyService } from './apiKeys/apiKeyService';
import { looksLikeApiKey } from './apiKeys/apiKeyFormat';
import { createJwtVerifier } from './jwtVerifier';
import { DEVELOPMENT_ADMIN, type Principal } from './principal';

export interface AuthenticatorDependencies {
  auth: AuthConfig;
  /** Undefined where no database is at hand; API keys are then refused. */
  apiKeys: ApiKeyService | undefined;
  logger: Logger;
}

/** Who sent a request; UNAUTHENTICATED (HTTP 401) or FORBIDDEN when nobody acceptable did. */
export type Authenticator = (req: { headers: IncomingHttpHeaders }) => Promise<Principal>;

type Credential = { kind: 'token'; token: string } | { kind: 'apiKey'; key: string };

const API_KEY_HEADERS = '`Authorization: ApiKey svk_…` or `X-API-Key: svk_…`';

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value.join(',') : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** The one credential a request carries, or null. Never quotes what was sent. */
export function credentialOf(headers: IncomingHttpHeaders): Credential | null {
  const authorization = single(headers.authorization);
  const apiKeyHeader = single(headers['x-api-key']);
  if (authorization && apiKeyHeader) {
    throw new UnauthenticatedError('The request carries both an Authorization and an X-API-Key header: send exactly one credential.');
  }
  if (apiKeyHeader) {
    if (/[\s,]/.test(apiKeyHeader)) throw new UnauthenticatedError('The X-API-Key header must hold exactly one key, `svk_…`, sent once.');
    return { kind: 'apiKey', key: apiKeyHeader };
  }
  if (!authorization) return null;
  const match = /^(\S+)\s+(\S+)$/.exec(authorization);
  const scheme = match?.[1].toLowerCase();
  if (!match || (scheme !== 'bearer' && scheme !== 'apikey')) {
    throw new UnauthenticatedError(`The Authorization header must be \`Bearer <token>\` or \`ApiKey svk_…\` (one space between scheme and credential).`);
  }
  const value = match[2];
  // Clients that only know bearer authentication may send an API key that way.
  if (scheme === 'apikey' || looksLikeApiKey(value)) return { kind: 'apiKey', key: value };
  return { kind: 'token', token: value };
}

/**
 * Decides who is calling. `required`: a bearer token (when tokens are configured)
 * or an API key, else UNAUTHENTICATED saying which header to send. `development`:
 * nobody needs a credential and a request without one acts as the development
 * administrator, but a credential that is sent is still verified and used, so a
 * development installation can try out each role with API keys.
 */
export function createAuthenticator(deps: AuthenticatorDependencies): Authenticator {
  const { auth, apiKeys, logger } = deps;
  const verifyToken = auth.jwt ? createJwtVerifier(auth.jwt) : null;
  const missing = verifyToken
    ? `Authentication is required: send \`Authorization: Bearer <token>\` with a token from the configured identity provider, or an API key as ${API_KEY_HEADERS}.`
    : `Authentication is required: send an API key as ${API_KEY_HEADERS}.`;

  const verify = async (credential: Credential): Promise<Principal> => {
    if (credential.kind === 'token') {
      if (!verifyToken) {
        throw new UnauthenticatedError(`Bearer tokens are not configured on this service (no SAMVERKAN_JWT_* settings), so the token cannot be checked. Send an API key as ${API_KEY_HEADERS} instead.`);
      }
      return verifyToken(credential.token);
    }
    if (!apiKeys) throw new UnauthenticatedError('API keys cannot be checked by this service right now; send a bearer token instead.');
    return apiKeys.verify(credential.key);
  };

  return async (req) => {
    let credential: Credential | null = null;
    try {
      credential = credentialOf(req.headers);
      if (!credential) {
        if (auth.mode === 'development') return DEVELOPMENT_ADMIN;
        throw new UnauthenticatedError(missing);
      }
      return await verify(credential);
    } catch (error) {
      // Never the credential itself: only how it was sent and what the client was told.
      const fields = { via: credential?.kind ?? 'none', code: error instanceof ClientError ? error.extensions.code : 'unexpected' };
      if (error instanceof ClientError && (error.extensions.code === 'UNAUTHENTICATED' || error.extensions.code === 'FORBIDDEN')) logger.info('authentication refused', fields);
      else logger.warn('authentication could not be completed', { ...fields, error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  };
}
