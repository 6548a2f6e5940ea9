# syntax=docker/dockerfile:1
# citebot: build stage compiles TypeScript with the dev dependencies; the runtime
# stage holds only the compiled bot, the knowledge and the production dependencies.
#   docker build -t citebot .
#   docker run --rm --env-file .env citebot                 # gateway mode
#   docker run --rm --env-file .env -e INTERACTIONS_PORT=8080 -p 8080:8080 citebot   # HTTP interactions
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles its native addon with node-gyp.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json main.ts ./
COPY src ./src
COPY commands ./commands
COPY knowledge ./knowledge
RUN npm run build && npm prune --omit=dev

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# tini is PID 1: it forwards SIGTERM to node and reaps zombies.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/knowledge ./knowledge
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 8080
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--max-semi-space-size=1", "--optimize-for-size", "dist/main.js"]
