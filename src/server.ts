import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Config, loadConfig } from './config.js';
import { DEFAULT_DELIVERY, type DeliveryPolicy } from './http/delivery-policy.js';
import type { Integration, Route, StartedIntegration } from './http/integration.js';
import { legalPageRoutes } from './http/legal-pages.js';
import { bundledKnowledge } from './knowledge/load-knowledge.js';
import { createLogger, type Logger, type RequestContext, requestContext } from './logger.js';
import { previewIntegration } from './preview/index.js';
import { slackIntegration } from './slack/index.js';
import { createMemoryStore } from './store/memory-store.js';
import type { Store } from './store/store.js';
import { teamsIntegration } from './teams/index.js';

export const INTEGRATIONS: readonly Integration<unknown>[] = [
  slackIntegration as Integration<unknown>,
  teamsIntegration as Integration<unknown>,
  previewIntegration as Integration<unknown>,
];

export type BotServer = { readonly port: number; readonly server: Server; close(): Promise<void> };

function send(res: ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function createStore(config: Config, logger: Logger): Promise<Store> {
  if (config.server.redisUrl) {
    const { createRedisStore } = await import('./store/redis-store.js');
    return createRedisStore({ url: config.server.redisUrl, logger });
  }
  return createMemoryStore();
}

/** Resolves when the response's connection is done with it, or after 30 s at the latest. */
function closedOr30s(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 30_000);
    timer.unref();
    res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * The one HTTP server: /healthz, /readyz and every enabled integration's routes. Never a stack
 * trace to a caller; one JSON log line per request (no tokens, no message text).
 */
export async function startServer(options: {
  env: NodeJS.ProcessEnv;
  logger?: Logger;
  store?: Store;
  port?: number;
  /** timeouts and retries for platform API calls; the defaults suit production */
  delivery?: DeliveryPolicy;
}): Promise<BotServer> {
  const config = loadConfig(options.env, INTEGRATIONS);
  bundledKnowledge(); // load and validate the knowledge now: a broken base stops start-up, and no user waits for it
  const logger = options.logger ?? createLogger(config.server.logLevel);
  const store = options.store ?? (await createStore(config, logger));
  const started: StartedIntegration[] = [];
  for (const { integration, config: c } of config.enabled) {
    const s = await integration.create(c, { store, logger, delivery: options.delivery ?? DEFAULT_DELIVERY });
    started.push(s);
    logger.info(s.description);
  }
  for (const o of config.off) logger.info(`${o.name}: off — ${o.reason}`);
  const routes = new Map<string, Route>(
    [...legalPageRoutes(), ...started.flatMap((s) => s.routes)].map((r) => [`${r.method} ${r.path}`, r] as const),
  );
  const paths = new Set([...routes.values()].map((r) => r.path).concat(['/healthz', '/readyz']));
  let inFlight = 0;
  const integrations: readonly StartedIntegration[] = started;

  const handle = async (req: IncomingMessage, res: ServerResponse, context: RequestContext) => {
    const started = performance.now();
    const { requestId } = context;
    inFlight++;
    res.setHeader('x-request-id', requestId);
    let respondedAt: number | undefined;
    res.once('finish', () => {
      respondedAt = performance.now();
    });
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      if (path === '/healthz' && req.method === 'GET') send(res, 200, { status: 'ok' });
      else if (path === '/readyz' && req.method === 'GET') {
        try {
          // a platform that rejected our credentials is as unready as a store that does not answer
          const reason = integrations.map((s) => s.notReady?.()).find((r) => r !== undefined);
          if (reason) throw new Error(reason);
          await store.ping();
          send(res, 200, { status: 'ready' });
        } catch (error) {
          send(res, 503, { status: 'unavailable', reason: (error as Error).message });
        }
      } else {
        const route = routes.get(`${req.method} ${path}`);
        if (route) await route.handle(req, res);
        else if (paths.has(path)) send(res, 405, { error: `method ${req.method} not allowed on ${path}` });
        else send(res, 404, { error: `no route ${path}` });
      }
    } catch (error) {
      logger.error('request failed', { requestId, path, error: (error as Error).message });
      send(res, 500, { error: 'internal error', requestId });
    } finally {
      inFlight--;
      // one line per request, written once it has been answered and its work is done, so that a
      // verdict reached after Slack was acknowledged still lands on the request's own line
      if (!res.closed) await closedOr30s(res);
      logger.info('request', {
        requestId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round((respondedAt ?? performance.now()) - started),
        ...(context.verdict ? { verdict: context.verdict } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      });
    }
  };
  // every line logged while a request is handled, after Slack's ack too, carries its id
  const server = createServer((req, res) => {
    const context: RequestContext = { requestId: randomUUID() };
    requestContext.run(context, () => handle(req, res, context));
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await Promise.all(started.map((s) => s.start?.()));
  const listenPort = options.port ?? config.server.port;
  await new Promise<void>((resolve) =>
    config.server.host ? server.listen(listenPort, config.server.host, resolve) : server.listen(listenPort, resolve),
  );
  const { port } = server.address() as AddressInfo;
  logger.info('listening', { port });

  return {
    port,
    server,
    async close() {
      // stop accepting, let the requests in flight finish (bounded), then drop idle keep-alive sockets
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + 10_000;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      server.closeAllConnections();
      await closed;
      await Promise.all(started.map((s) => s.close?.()));
      await store.close();
    },
  };
}
