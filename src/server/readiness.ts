import type { RequestHandler } from 'express';
import { ErrorCode } from '../errors';

/**
 * GET /readyz: 200 once `ready` resolves, 503 when it fails or has not answered
 * within `timeoutMs`, so a load balancer's probe never hangs on a dead database.
 * Checks at once are shared: a flood of probes makes one database round trip.
 */
export function readinessRoute(ready: () => Promise<void>, timeoutMs: number): RequestHandler {
  let inFlight: Promise<boolean> | null = null;
  const check = (): Promise<boolean> => {
    inFlight ??= new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      ready().then(
        () => resolve(true),
        () => resolve(false),
      ).finally(() => clearTimeout(timer));
    }).finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
  return async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (await check()) {
      res.json({ status: 'ready' });
      return;
    }
    (res.locals.errorCodes ??= []).push(ErrorCode.DATABASE_UNAVAILABLE);
    res.status(503).json({
      status: 'database unavailable',
      errors: [{ message: `The database did not answer within ${timeoutMs} ms.`, extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } }],
    });
  };
}
