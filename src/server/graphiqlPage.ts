import path from 'node:path';
import express, { type Router } from 'express';

const EXAMPLE_QUERY = `# Actors active in Rosengård today, with their ties.
query RosengardNetwork {
  area(id: "area-rosengard") {
    name
    actors(first: 10) {
      totalCount
      nodes {
        name
        sector
        collaborations(asOf: "2022-06-01", first: 5) {
          edges { partner { name sector } node { kind since until strength } }
        }
      }
    }
  }
}
`;

/** Starts GraphiQL; a file of its own so the page has no inline script and the CSP can say script-src 'self'. */
const START_SCRIPT = `const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('ide')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)} }));
`;

/**
 * An offline GraphiQL: the page and its scripts are served from node_modules, so
 * the IDE works with no internet (Apollo's default landing page loads from a CDN).
 * Every script is a same-origin file, so helmet's Content-Security-Policy holds.
 */
export function graphiqlRouter(): Router {
  const router = express.Router();
  const modules = path.dirname(require.resolve('graphiql/package.json')).replace(/graphiql$/, '');
  const asset = (file: string) => path.join(modules, file);
  router.get('/ide/react.js', (_req, res) => res.sendFile(asset('react/umd/react.production.min.js')));
  router.get('/ide/react-dom.js', (_req, res) => res.sendFile(asset('react-dom/umd/react-dom.production.min.js')));
  router.get('/ide/graphiql.js', (_req, res) => res.sendFile(asset('graphiql/graphiql.min.js')));
  router.get('/ide/graphiql.css', (_req, res) => res.sendFile(asset('graphiql/graphiql.min.css')));
  router.get('/ide/start.js', (_req, res) => res.type('text/javascript').send(START_SCRIPT));
  router.get('/graphql', (req, res, next) => {
    if (!req.accepts('html') || req.query.query) return next();
    res.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Samverkan GraphQL</title>
<link rel="stylesheet" href="/ide/graphiql.css">
<style>body{margin:0;height:100vh}#ide{height:100vh}</style></head>
<body><div id="ide"></div>
<script src="/ide/react.js"></script><script src="/ide/react-dom.js"></script><script src="/ide/graphiql.js"></script>
<script src="/ide/start.js"></script></body></html>`);
  });
  return router;
}
