import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryPolicy } from '../../src/http/delivery-policy.js';
import { createMemoryLogger } from '../../src/logger.js';
import { type BotServer, startServer } from '../../src/server.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { failOnUnhandledRejections } from '../support/unhandled-rejections.js';
import { DROP, eventually, type FakeSlack, HANG, LOSE, startFakeSlack } from './fake-slack.js';
import { envelope, mention, slashCommand } from './payloads.js';
import { form, json, postSigned, slackEnv } from './signed.js';

/** Short limits so that every fault plays out in well under a second or two. */
const delivery: DeliveryPolicy = { timeoutMs: 800, retries: 3, minBackoffMs: 20, maxBackoffMs: 100 };
const attempts = delivery.retries + 1;

let slack: FakeSlack;
let server: BotServer;
let logger: ReturnType<typeof createMemoryLogger>;
let base: string;
failOnUnhandledRejections();

beforeEach(async () => {
  slack = await startFakeSlack();
  logger = createMemoryLogger();
  server = await startServer({
    env: slackEnv(slack.url),
    logger,
    store: createMemoryStore(),
    port: 0,
    delivery,
  });
  base = `http://127.0.0.1:${server.port}`;
});
afterEach(async () => {
  await server.close();
  await slack.close();
});

const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage');
const settle = () => new Promise((r) => setTimeout(r, 400));
const ask = (text: string, ts: string) => postSigned(`${base}/slack/events`, envelope(mention(text, ts)), json);
const command = (text: string) =>
  postSigned(`${base}/slack/events`, slashCommand(text, `${slack.url}/response/1`), form);
const logged = (msg: string) => logger.lines.filter((l) => l.msg === msg);

describe('Slack Web API faults: retried with backoff, bounded, never a duplicate', () => {
  it.each([
    ['429 with Retry-After, then a 500', [429, 500]],
    ['a dropped connection', [DROP]],
    ['a request that never answers (timeout)', [HANG]],
    ['a timeout, a drop and a 503', [HANG, DROP, 503]],
  ])('%s: the answer is posted exactly once', async (_what, faults) => {
    slack.faults.push(...faults);
    expect((await ask('40 TB in HDFS, nightly joins', '1700000050.000100')).status).toBe(200);
    await eventually(() => posts().length === faults.length + 1 || undefined, 10_000);
    await settle();
    const delivered = posts().filter((p) => Array.isArray(p.body.blocks));
    expect(posts()).toHaveLength(faults.length + 1); // the refused attempts, then one delivery
    expect(delivered.at(-1)?.body.thread_ts).toBe('1700000050.000100');
    expect(slack.faults).toEqual([]);
  });

  it('an answer that landed but whose reply was lost is looked up in the thread, not posted again', async () => {
    slack.faults.push(LOSE);
    await ask('40 TB in HDFS, nightly joins', '1700000055.000100');
    await eventually(() => logged('slack answer had landed: not posted again')[0], 10_000);
    await settle();
    expect(posts()).toHaveLength(1);
    const lookup = slack.calls.filter((c) => c.method === 'conversations.replies');
    expect(lookup).toHaveLength(1);
    expect(lookup[0]?.body).toMatchObject({ channel: 'C1', ts: '1700000055.000100', include_all_metadata: 'true' });
    expect(posts()[0]?.body.metadata).toMatchObject({ event_type: 'spark_or_pytorch_answer' });
  });

  it('Slack refusing the answer (invalid_blocks) gets a short plain apology in the thread instead', async () => {
    slack.faults.push('invalid_blocks');
    await ask('2 GB of CSVs, aggregations', '1700000060.000100');
    const apology = await eventually(() => posts()[1]);
    expect(apology.body.blocks).toBeUndefined();
    expect(String(apology.body.text)).toMatch(/^Sorry — /);
    expect(apology.body.thread_ts).toBe('1700000060.000100');
    await settle();
    expect(posts()).toHaveLength(2);
  });

  it('Slack down for good: a bounded number of attempts, one log line saying so, and the server keeps serving', async () => {
    slack.faults.push(...Array(2 * attempts).fill(500));
    await ask('2 GB of CSVs, aggregations', '1700000070.000100');
    await eventually(() => logged('slack answer undeliverable: the apology failed too')[0], 10_000);
    await settle();
    expect(posts()).toHaveLength(2 * attempts); // the answer's attempts, then the apology's
    expect(logged('slack answer failed')).toHaveLength(1);
    expect(JSON.stringify(logger.lines)).not.toContain('2 GB of CSVs');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('response_url faults (slash commands)', () => {
  it.each([
    ['a 500', [500]],
    ['429 with Retry-After', [429]],
    ['a dropped connection', [DROP]],
    ['a request that never answers (timeout)', [HANG]],
  ])('%s: the private answer arrives exactly once', async (_what, faults) => {
    slack.responseFaults.push(...faults);
    expect((await command('we have 40 TB in HDFS, nightly joins')).status).toBe(200);
    const answer = await eventually(() => slack.responses[0], 10_000);
    expect(answer.response_type).toBe('ephemeral');
    await settle();
    expect(slack.responses).toHaveLength(1);
    expect(slack.responseAttempts).toBe(faults.length + 1);
  });

  it('a response_url that keeps failing: bounded attempts, then a short private note through the Web API', async () => {
    slack.responseFaults.push(...Array(attempts).fill(503));
    await command('we have 40 TB in HDFS, nightly joins');
    const note = await eventually(() => slack.calls.find((c) => c.method === 'chat.postEphemeral'), 10_000);
    expect(note.body).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(String(note.body.text)).toMatch(/^Sorry — .*run it again/);
    await settle();
    expect(slack.responseAttempts).toBe(attempts);
    expect(slack.responses).toHaveLength(0);
    expect(logged('slack response undeliverable')[0]?.error).toMatch(/answered 503 \(4 attempts\)/);
  });

  it('an expired response_url (404) is not retried', async () => {
    slack.responseFaults.push(404);
    await command('help');
    await eventually(() => slack.calls.find((c) => c.method === 'chat.postEphemeral'), 10_000);
    expect(slack.responseAttempts).toBe(1);
  });
});
