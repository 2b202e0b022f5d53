# syntax=docker/dockerfile:1
# Node 24: an LTS line supported until April 2028 (Node 20 reached end of life on 2026-04-30)
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY bin ./bin
COPY knowledge ./knowledge
COPY legal ./legal
COPY src ./src
COPY action ./action
COPY scripts ./scripts
COPY tsconfig.json tsconfig.build.json ./
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:24-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/bin ./bin
COPY --from=build --chown=node:node /app/knowledge ./knowledge
# the /privacy and /terms pages: replace them with your organisation's text (or mount over /app/legal)
COPY --from=build --chown=node:node /app/legal ./legal
COPY --from=build --chown=node:node /app/package.json ./package.json
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "bin/spark-or-pytorch.js", "serve"]
