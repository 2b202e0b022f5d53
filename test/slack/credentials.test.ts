import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { BotServer } from '../../src/server.js';
import { startBotServer } from '../support/bot-server.js';
import { startFakeSlack } from './fake-slack.js';
import { slackEnv } from './signed.js';

let server: BotServer | undefined;
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await server?.close();
  for (const close of closers.splice(0)) await close();
});

/** A Slack Web API that refuses the token, as Slack does for a revoked or mistyped one. */
async function slackRefusingToken(): Promise<string> {
  const fake = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: false, error: 'invalid_auth' }));
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => fake.close(resolve)));
  return `http://127.0.0.1:${(fake.address() as AddressInfo).port}/api/`;
}

/** Polls an async check until it gives a value (5 s at most). */
async function until<T>(check: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + 5000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting for /readyz');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const readyz = async (base: string) => {
  const res = await fetch(`${base}/readyz`);
  return { status: res.status, body: (await res.json()) as { reason?: string } };
};

describe('Slack credentials are checked at start, never by crashing', () => {
  it('a refused token: the server keeps serving and /readyz says which variable to fix', async () => {
    const url = await slackRefusingToken();
    let base: string;
    ({ server, base } = await startBotServer({ ...slackEnv(url), SLACK_API_URL: url }));
    const ready = await until(async () => {
      const r = await readyz(base);
      return r.body.reason?.includes('invalid_auth') ? r : undefined;
    });
    expect(ready.status).toBe(503);
    expect(ready.body.reason).toContain('SLACK_BOT_TOKEN');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('an unreachable Slack: /readyz 503 naming it, and the process is still up seconds later', async () => {
    let base: string;
    ({ server, base } = await startBotServer({
      ...slackEnv('http://127.0.0.1:9/api/'),
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    }));
    const ready = await until(async () => {
      const r = await readyz(base);
      return r.body.reason?.includes('could not be reached') ? r : undefined;
    });
    expect(ready.status).toBe(503);
    await new Promise((r) => setTimeout(r, 2500)); // Bolt used to crash the process about now
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('an accepted token: /readyz 200', async () => {
    const slack = await startFakeSlack();
    closers.push(() => slack.close());
    let base: string;
    ({ server, base } = await startBotServer(slackEnv(slack.url)));
    const ready = await until(async () => {
      const r = await readyz(base);
      return r.status === 200 ? r : undefined;
    });
    expect(ready.status).toBe(200);
  });
});
