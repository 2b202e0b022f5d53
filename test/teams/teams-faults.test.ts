import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryPolicy } from '../../src/http/delivery-policy.js';
import { createMemoryLogger } from '../../src/logger.js';
import { type BotServer, startServer } from '../../src/server.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { CARD_FALLBACK } from '../../src/teams/send-card.js';
import { failOnUnhandledRejections } from '../support/unhandled-rejections.js';
import { headline, postActivity, teamsActivity } from './activities.js';
import { type FakeConnector, type Fault, type Received, startFakeConnector } from './fake-connector.js';

/** Short limits so that every fault plays out in well under a second (a 429 waits its Retry-After: 1 s). */
const delivery: DeliveryPolicy = { timeoutMs: 300, retries: 2, minBackoffMs: 20, maxBackoffMs: 100 };
const attempts = delivery.retries + 1;

let connector: FakeConnector;
let server: BotServer;
let logger: ReturnType<typeof createMemoryLogger>;
let base: string;
failOnUnhandledRejections();

beforeEach(async () => {
  connector = await startFakeConnector();
  logger = createMemoryLogger();
  const env = { TEAMS_ALLOW_UNAUTHENTICATED: 'true' };
  server = await startServer({ env, logger, store: createMemoryStore(), port: 0, delivery });
  base = `http://127.0.0.1:${server.port}`;
});
afterEach(async () => {
  await server.close();
  await connector.close();
});

const QUESTION = 'We have 40 TB of clickstream in HDFS and need nightly joins';
const ask = (text = QUESTION) => postActivity(base, teamsActivity(connector.url, { text }));
const errors = () => logger.lines.filter((l) => l.level === 'error');

describe('Bot Connector faults: retried with backoff, bounded, never a duplicate', () => {
  it.each<[string, Fault[]]>([
    ['429 with Retry-After, then a 503', [429, 503]],
    ['a request that never answers (timeout)', ['hang']],
    ['a dropped connection', ['drop']],
    ['a timeout, then a drop', ['hang', 'drop']],
  ])('%s: the answer card arrives exactly once', async (_what, faults) => {
    connector.faults.push(...faults);
    expect((await ask()).status).toBe(200);
    expect(connector.faults).toEqual([]);
    expect(connector.attempts).toBe(faults.length + 1); // each fault met once, then one delivery
    expect(connector.received).toHaveLength(1);
    expect(connector.received[0]?.activity.attachments?.[0]?.contentType).toBe(
      'application/vnd.microsoft.card.adaptive',
    );
    expect(headline(connector.received[0] as Received)).toContain('Spark');
    expect(errors()).toEqual([]);
  });
});

describe('when the answer cannot be delivered', () => {
  it.each([
    ['an answer card, 400 BadArgument', QUESTION, 400],
    ['a comparison card, 400 BadArgument', 'compare execution', 400],
    ['an answer card, 413 too large', QUESTION, 413],
  ])('%s: exactly one short text arrives instead', async (_what, text, status) => {
    connector.rule = (activity) => (activity.attachments?.length ? status : undefined);
    expect((await ask(text)).status).toBe(200);
    expect(connector.attempts).toBe(2); // the card once (a 4xx is not retried), then the text
    expect(connector.received.map((r) => r.activity.text)).toEqual([CARD_FALLBACK]);
    expect(connector.received[0]?.activity.attachments ?? []).toEqual([]);
    expect(logger.lines.find((l) => String(l.msg).startsWith('teams card rejected'))).toMatchObject({ status });
  });

  it.each<[string, Fault, RegExp]>([
    ['always answers 500', 500, /answered 500 \(3 attempts\)/],
    ['never answers', 'hang', /did not answer within 300 ms \(3 attempts\)/],
    ['always drops the connection', 'drop', /dropped the connection \(\w+\) \(3 attempts\)/],
  ])(
    'a connector that %s: bounded attempts, one error line, the server keeps serving',
    async (_what, fault, reason) => {
      connector.rule = () => fault;
      const started = Date.now();
      expect((await ask()).status).toBe(200); // the turn ends; Teams is not left waiting
      expect(Date.now() - started).toBeLessThan(attempts * delivery.timeoutMs + 1000);
      expect(connector.attempts).toBe(attempts); // no apology piled on, no SDK retries on top
      expect(connector.received).toEqual([]);
      expect(errors()).toHaveLength(1);
      expect(errors()[0]).toMatchObject({ msg: 'teams answer undeliverable' });
      expect(String(errors()[0]?.reason)).toMatch(reason);
      const log = JSON.stringify(logger.lines);
      expect(log).not.toContain('clickstream'); // no message text
      expect(log).not.toMatch(/bearer|authorization/i); // no tokens
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      connector.rule = undefined;
      expect((await ask()).status).toBe(200); // and the next question is answered
      expect(connector.received).toHaveLength(1);
    },
  );
});
