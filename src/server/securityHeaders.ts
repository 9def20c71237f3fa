import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers. The Content-Security-Policy admits only same-origin scripts,
 * which is all the offline GraphiQL page needs (its scripts are files under /ide/,
 * with no inline script); GraphiQL styles itself inline, hence 'unsafe-inline'
 * for styles alone. No upgrade-insecure-requests: on a plain-HTTP intranet host
 * it would send the IDE's same-origin requests to an HTTPS port that is not there.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
