import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/logger.js';
import { type BotServer, startServer } from '../../src/server.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

const APP_ID = '00000000-0000-4000-8000-000000000001';
let server: BotServer | undefined;
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const close of closers.splice(0)) await close();
});

/** A loopback Microsoft Entra token endpoint: a token for the right secret, invalid_client otherwise. */
async function fakeLogin(): Promise<{ url: string; requests: URLSearchParams[]; paths: string[] }> {
  const requests: URLSearchParams[] = [];
  const paths: string[] = [];
  const fake = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      const form = new URLSearchParams(body);
      requests.push(form);
      paths.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (form.get('client_secret') === 'right-secret') {
        res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: 'eyJ0eXAi.test.token' }));
      } else {
        res.statusCode = 401;
        res.end(
          JSON.stringify({
            error: 'invalid_client',
            error_description:
              'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\r\nTrace ID: 1\r\nCorrelation ID: 2',
            error_codes: [7000215],
          }),
        );
      }
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => fake.close(resolve)));
  return { url: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`, requests, paths };
}

async function start(env: NodeJS.ProcessEnv) {
  const logger = createMemoryLogger();
  server = await startServer({ env, logger, store: createMemoryStore(), port: 0 });
  return { base: `http://127.0.0.1:${server.port}`, logger };
}

async function readyzUntil(base: string, done: (r: { status: number; reason: string | undefined }) => boolean) {
  const end = Date.now() + 5000;
  for (;;) {
    const res = await fetch(`${base}/readyz`);
    const { reason } = (await res.json()) as { reason?: string };
    const r = { status: res.status, reason };
    if (done(r)) return r;
    if (Date.now() > end) throw new Error(`timed out waiting for /readyz (last: ${JSON.stringify(r)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Teams app credentials are checked at start, never by crashing', () => {
  it('a refused client secret: /readyz 503 naming the variables and the reason, one log line, still serving', async () => {
    const login = await fakeLogin();
    const { base, logger } = await start({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'wrong-secret',
      MICROSOFT_LOGIN_URL: login.url,
    });
    const ready = await readyzUntil(base, (r) => Boolean(r.reason?.includes('invalid_client')));
    expect(ready.status).toBe(503);
    expect(ready.reason).toContain('MICROSOFT_APP_PASSWORD');
    expect(ready.reason).toContain('AADSTS7000215');
    expect(ready.reason).not.toContain('Trace ID');
    // the exchange botbuilder makes: client credentials for the Bot Framework, multi-tenant
    expect(login.paths[0]).toBe('/botframework.com/oauth2/v2.0/token');
    expect(login.requests[0]?.get('grant_type')).toBe('client_credentials');
    expect(login.requests[0]?.get('client_id')).toBe(APP_ID);
    expect(login.requests[0]?.get('scope')).toBe('https://api.botframework.com/.default');
    expect(logger.lines.filter((l) => String(l.msg).endsWith('check failed'))).toHaveLength(1);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('an accepted secret (single tenant): /readyz 200', async () => {
    const login = await fakeLogin();
    const { base } = await start({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'right-secret',
      MICROSOFT_APP_TENANT_ID: 'contoso.onmicrosoft.com',
      MICROSOFT_LOGIN_URL: login.url,
    });
    const ready = await readyzUntil(base, (r) => r.status === 200);
    expect(ready.reason).toBeUndefined();
    expect(login.paths[0]).toBe('/contoso.onmicrosoft.com/oauth2/v2.0/token');
  });

  it('an unreachable login host: /readyz 503 saying so, and the process is still up', async () => {
    const { base } = await start({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'any',
      MICROSOFT_LOGIN_URL: 'http://127.0.0.1:9',
    });
    const ready = await readyzUntil(base, (r) => Boolean(r.reason?.includes('could not be reached')));
    expect(ready.status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('a login URL that is not https (outside loopback) is refused at start with the fix', async () => {
    await expect(
      startServer({
        env: {
          MICROSOFT_APP_ID: APP_ID,
          MICROSOFT_APP_PASSWORD: 'x',
          MICROSOFT_LOGIN_URL: 'http://login.example.invalid',
        },
        logger: createMemoryLogger(),
        store: createMemoryStore(),
        port: 0,
      }),
    ).rejects.toThrow(/MICROSOFT_LOGIN_URL/);
  });
});
