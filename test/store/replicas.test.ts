import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/logger.js';
import { type BotServer, startServer } from '../../src/server.js';
import { eventually, type FakeSlack, startFakeSlack } from '../slack/fake-slack.js';
import { json, postSigned, SIGNING_SECRET } from '../slack/signed.js';
import { type RedisProcess, startRedis } from './redis-server.js';

let redis: RedisProcess;
let slack: FakeSlack;
let a: BotServer;
let b: BotServer;

beforeAll(async () => {
  redis = await startRedis();
  slack = await startFakeSlack();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    REDIS_URL: redis.url,
  };
  a = await startServer({ env, logger: createMemoryLogger(), port: 0 });
  b = await startServer({ env, logger: createMemoryLogger(), port: 0 });
});
afterAll(async () => {
  await a.close();
  await b.close();
  await slack.close();
  await redis.stop();
});

const url = (s: BotServer) => `http://127.0.0.1:${s.port}/slack/events`;
const envelope = (event: object, eventId: string) =>
  JSON.stringify({
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1,
    event,
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
  });
const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage');

describe('two server replicas sharing one real Redis', () => {
  it('an event handled by one replica and its retry by the other produce one answer', async () => {
    const body = envelope(
      { type: 'app_mention', user: 'U1', text: '<@UBOT> 40 TB in HDFS, nightly joins', ts: '10.1', channel: 'C1' },
      'EvShared',
    );
    await postSigned(url(a), body, json);
    await eventually(() => posts()[0]);
    await postSigned(url(b), body, json, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(posts()).toHaveLength(1);
  });

  it('a question asked through one replica is continued by the other', async () => {
    const before = posts().length;
    await postSigned(
      url(a),
      envelope(
        { type: 'app_mention', user: 'U1', text: '<@UBOT> Spark or PyTorch?', ts: '20.1', channel: 'C2' },
        'EvQ',
      ),
      json,
    );
    await eventually(() => posts()[before]);
    const reply = {
      type: 'message',
      channel_type: 'channel',
      user: 'U1',
      text: 'about 2 GB of CSVs, just aggregations',
      ts: '20.2',
      thread_ts: '20.1',
      channel: 'C2',
    };
    await postSigned(url(b), envelope(reply, 'EvR'), json);
    const refined = await eventually(() => posts()[before + 1]);
    expect(refined.body.thread_ts).toBe('20.1');
    expect(JSON.stringify(refined.body.blocks)).toContain('Neither');
  });

  it('/readyz is 503 while Redis is down and 200 again when it returns', async () => {
    const ready = `http://127.0.0.1:${a.port}/readyz`;
    expect((await fetch(ready)).status).toBe(200);
    await redis.stop();
    expect((await fetch(ready)).status).toBe(503);
    expect((await fetch(`http://127.0.0.1:${a.port}/healthz`)).status).toBe(200);
    await redis.restart();
    const deadline = Date.now() + 10_000;
    let status = 503;
    while (status !== 200 && Date.now() < deadline) {
      status = (await fetch(ready)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
