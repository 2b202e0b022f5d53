import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnServer } from '../server/spawn-server.js';
import { eventually, type FakeSlack, startFakeSlack } from '../slack/fake-slack.js';
import { buttonClick, envelope, mention, selectChoice } from '../slack/payloads.js';
import { form, json, postSigned, SIGNING_SECRET } from '../slack/signed.js';
import { type RedisProcess, startRedis } from './redis-server.js';

/** Two replicas of the built server, each a process of its own, sharing one real redis-server. */
let redis: RedisProcess;
let slack: FakeSlack;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  redis = await startRedis();
  slack = await startFakeSlack();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    REDIS_URL: redis.url,
  };
  [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await slack.close();
  await redis.stop();
});

const events = (s: ServerProcess) => `${s.url}/slack/events`;
const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage');
const settle = () => new Promise((r) => setTimeout(r, 400));
const click = (actionId: string, value: string, user: string) =>
  buttonClick({ actionId, value, user, channel: 'C3', messageTs: '30.1', responseUrl: `${slack.url}/response/r` });

describe('two server processes sharing one real Redis', () => {
  it('an event handled by one replica and its retry by the other produce one answer', async () => {
    const body = envelope(mention('40 TB in HDFS, nightly joins', '10.1'), 'EvShared');
    await postSigned(events(a), body, json);
    await eventually(() => posts()[0]);
    const retry = await postSigned(events(b), body, json, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await settle();
    expect(posts()).toHaveLength(1);
  });

  it('the same event reaching both replicas at the same moment is answered once', async () => {
    const before = posts().length;
    const body = envelope(mention('2 GB of CSVs, aggregations', '11.1'), 'EvRace');
    const [ra, rb] = await Promise.all([postSigned(events(a), body, json), postSigned(events(b), body, json)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    await eventually(() => posts()[before]);
    await settle();
    expect(posts()).toHaveLength(before + 1);
  });

  it('a question asked through one replica is continued by the other, and its buttons work on either', async () => {
    const before = posts().length;
    await postSigned(events(a), envelope(mention('Spark or PyTorch?', '20.1')), json);
    const first = await eventually(() => posts()[before]);
    const reply = {
      type: 'message',
      channel_type: 'channel',
      user: 'U1',
      text: 'about 2 GB of CSVs, just aggregations',
      ts: '20.2',
      thread_ts: '20.1',
      channel: 'C1',
    };
    await postSigned(events(b), envelope(reply), json);
    const refined = await eventually(() => posts()[before + 1]);
    expect(refined.body.thread_ts).toBe('20.1');
    expect(JSON.stringify(refined.body.blocks)).toContain('Neither');

    // a follow-up chosen on the first answer, through the other replica, updates that answer in place
    type Select = { action_id: string; options: { text: { type: string; text: string }; value: string }[] };
    const select = (first.body.blocks as { accessory?: Select }[]).find((x) =>
      x.accessory?.action_id.startsWith('followup:'),
    )?.accessory;
    expect(select).toBeDefined();
    const shown = slack.messages.find((m) => m.thread_ts === '20.1' && m.blocks === first.body.blocks);
    const choose = selectChoice({
      actionId: select?.action_id ?? '',
      option: select?.options[0] as Select['options'][number],
      user: 'U1',
      channel: 'C1',
      messageTs: shown?.ts ?? '',
      responseUrl: `${slack.url}/response/r`,
    });
    await postSigned(events(b), choose, form);
    const update = await eventually(() => slack.calls.find((c) => c.method === 'chat.update'));
    expect(update.body).toMatchObject({ channel: 'C1', ts: shown?.ts });
    expect(posts()).toHaveLength(before + 2);
  });

  it('votes cast through both replicas are kept in Redis and exported as JSON lines without message text', async () => {
    const answerId = ((posts()[0]?.body.blocks ?? []) as { elements?: { action_id: string; value: string }[] }[])
      .flatMap((x) => x.elements ?? [])
      .find((e) => e.action_id === 'feedback:up')?.value;
    expect(answerId).toBeDefined();
    await postSigned(events(a), click('feedback:up', answerId ?? '', 'U7'), form);
    await postSigned(events(b), click('feedback:down', answerId ?? '', 'U8'), form);
    await eventually(
      () => slack.responses.filter((r) => String(r.text).startsWith('Thanks')).length === 2 || undefined,
    );

    const exported = spawn(process.execPath, ['--import', 'tsx', 'scripts/feedback-export.ts'], {
      env: { PATH: process.env.PATH ?? '', REDIS_URL: redis.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    exported.stdout.on('data', (d) => {
      out += d;
    });
    expect(await new Promise((r) => exported.once('exit', r))).toBe(0);
    const votes = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // the two replicas store their votes independently: any order
    expect(votes.map((v) => [v.user, v.vote]).sort()).toEqual([
      ['U7', 'up'],
      ['U8', 'down'],
    ]);
    for (const vote of votes) expect(vote).toMatchObject({ platform: 'slack', answerId, verdict: 'spark' });
    expect(out).not.toContain('HDFS');
  });

  it('/readyz is 503 while Redis is down and 200 again when it returns; the log says what is happening', async () => {
    const ready = `${a.url}/readyz`;
    expect((await fetch(ready)).status).toBe(200);
    await redis.stop();
    const down = await fetch(ready);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { reason: string }).reason).toMatch(/^Redis is unreachable: /);
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
    await redis.restart();
    const deadline = Date.now() + 10_000;
    let status = 503;
    while (status !== 200 && Date.now() < deadline) {
      status = (await fetch(ready)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    const said = a.lines.map((l) => l.msg);
    expect(said).toContain('redis error; degraded until it returns');
    expect(said).toContain('redis unreachable, retrying');
    expect(said).toContain('redis connection restored');
    expect(a.child.exitCode).toBeNull();
  });

  it('SIGTERM closes the Redis connection and the process exits 0', async () => {
    const observer = new Redis(redis.url);
    const clients = async () =>
      String(await observer.call('CLIENT', 'LIST'))
        .trim()
        .split('\n').length;
    const before = await clients(); // both replicas and the observer
    expect(await b.stop()).toBe(0);
    expect(await clients()).toBe(before - 1);
    await observer.quit();
  });
});
