import type { Request, RequestHandler, Response } from 'express';
import { rateLimit, ipKeyGenerator, type Store } from 'express-rate-limit';
import { ErrorCode } from '../errors';
import type { Principal } from '../auth/principal';
import { sendError } from './httpErrors';

export interface RateLimitOptions {
  /** Requests per key per minute (SAMVERKAN_RATE_LIMIT_PER_MINUTE). */
  perMinute: number;
  /** A separate budget per route family: `graphql`, `exports`, `reports`. */
  name?: string;
  /** Shared counters across instances (e.g. a Redis store); default in memory, per process. */
  store?: Store;
}

/**
 * Whose budget a request spends: the authenticated principal's when there is one
 * (mount the limiter after authentication), else the client address (IPv6 by
 * its /56, so one host cannot rotate through its own addresses).
 */
export function rateLimitKey(req: Request, res: Response): string {
  const principal = res.locals.principal as Principal | undefined;
  if (principal?.id) return `principal:${principal.id}`;
  return `address:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
}

/**
 * Per-principal rate limit (express-rate-limit): past the limit, 429 with
 * Retry-After and the RATE_LIMITED code. One factory for /graphql and for later
 * routes such as /exports and /reports, each with its own counters.
 */
export function createRateLimiter({ perMinute, name = 'graphql', store }: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: name,
    store,
    keyGenerator: rateLimitKey,
    handler: (req, res) => {
      const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000));
      sendError(
        res,
        429,
        ErrorCode.RATE_LIMITED,
        `Too many requests: at most ${perMinute} per minute for each caller. Try again in ${seconds} s.`,
        { 'Retry-After': String(seconds) },
      );
    },
  });
}
