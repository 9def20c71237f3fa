# syntax=docker/dockerfile:1
# The Samverkan API for production. It talks to the Neo4j named by NEO4J_URI
# (docker-compose.yml builds that one from Dockerfile.neo4j); the image has no
# Java, so embedded mode is not available in it.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
# The reproducible install `npm ci` would give, done by hand because the npm that
# ships with Node 20 rejects this lock file (README): install exactly what the lock
# pins, run no install scripts, and fail the build if the lock had to change.
RUN cp package-lock.json /tmp/package-lock.json \
 && npm install --no-audit --no-fund --ignore-scripts \
 && { cmp -s package-lock.json /tmp/package-lock.json \
      || { echo 'package-lock.json is out of date with package.json: run npm install and commit the lock file' >&2; exit 1; }; }
COPY tsconfig.json ./
COPY src ./src
COPY scripts ./scripts
# Only src/ and scripts/ are compiled (tests and benchmarks are not copied), then
# the development dependencies are dropped.
RUN npx tsc -p tsconfig.json && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE}
WORKDIR /app
# Production defaults: no IDE, no introspection, no seed data unless SAMVERKAN_SEED=true.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 SAMVERKAN_IDE=false SAMVERKAN_SEED=false
# Owned by root and read-only for the user the service runs as.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/scripts ./dist/scripts
COPY package.json ./
COPY schema ./schema
COPY cypher ./cypher
COPY seeds ./seeds
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/index.js"]
