import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { explorerBuildDir } from './explorerFiles';

/**
 * Stricter than the service-wide policy (src/server/securityHeaders.ts): the bundle
 * sets styles only through the CSSOM, so not even inline styles are needed.
 */
const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * GET /explore: the browser explorer, served WITHOUT authentication because the page
 * and its assets hold no data; everything it shows comes from /graphql and /exports
 * with the caller's own credential. The page is revalidated on every load (it names
 * the assets); the assets are cached for an hour and revalidated by ETag.
 */
export function explorerRouter(buildDir: string = explorerBuildDir()): Router {
  const router = express.Router();
  router.use('/explore', (_req, res, next) => {
    res.setHeader('Content-Security-Policy', EXPLORER_CSP);
    next();
  });
  router.get('/explore', (_req, res) => {
    const page = path.join(buildDir, 'index.html');
    if (!fs.existsSync(page)) {
      res.status(503).type('text/plain').send('The explorer is not built: run `npm run build` (or `npx tsx scripts/buildExplorer.ts`).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(page);
  });
  router.use(
    '/explore/assets',
    express.static(buildDir, {
      index: false,
      fallthrough: true,
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=3600, must-revalidate'),
    }),
  );
  return router;
}
