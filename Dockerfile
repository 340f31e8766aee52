# Minqing intake gateway: HTTP front, workers, or both in one process.
#   docker build -t minqing-gateway .
#   docker run --rm -p 3000:3000 -e DATABASE_URL=... -e REDIS_URL=... minqing-gateway
# Roles: --role=all (default CMD), --role=http, --role=worker (see docker-compose.yml).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------
# deps: every dependency (dev included) from the lockfile, for the build.
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# The Prisma CLI (a dev dependency, for migrations) would otherwise try to
# download its native schema engine on install; the build does not need it.
ENV PRISMA_SCHEMA_ENGINE_BINARY=/bin/true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ---------------------------------------------------------------------------
# build: compile to dist/, and the staff console (Vite) to dist/console.
# ---------------------------------------------------------------------------
FROM deps AS build
COPY . .
RUN npm run build \
 && npm run console:build \
 && test -f dist/src/main.js \
 && test -f dist/console/index.html

# ---------------------------------------------------------------------------
# runtime: production dependencies only, compiled code, SQL migrations.
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app

ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/data

# Printed contact cards (PNG, PDF) are set in Noto Sans CJK (the default CJK_FONT_PATH).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*

# pg is the only database client at run time (no Prisma client); no install
# scripts are needed.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

# Code and migrations stay root-owned (read-only for the app); the app applies
# prisma/migrations itself at start-up.
COPY --from=build /app/dist ./dist
# The router trains its classifier at start-up from the labelled examples.
COPY src/router/training ./dist/src/router/training
COPY src/knowledge/entries.jsonl ./dist/src/knowledge/entries.jsonl
# The pages' style and scripts, served as they are.
COPY src/channels/web-form/assets ./dist/src/channels/web-form/assets
COPY prisma/migrations ./prisma/migrations

# Attachments live under DATA_DIR. Create it owned by `node` before declaring
# the volume so a fresh named volume inherits that ownership.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]

USER node
# 3000: HTTP; 2525: the mailbox's SMTP listener (SMTP_LISTEN_PORT).
EXPOSE 3000 2525

# No curl in the slim image: use Node's built-in fetch. /healthz answers 200
# only when PostgreSQL and Redis are reachable.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Node runs as PID 1 (no tini / --init): the app handles SIGTERM itself and
# shuts down gracefully (stops accepting, drains in-flight jobs, closes pools).
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js", "--role=all"]
