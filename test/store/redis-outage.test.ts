import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnServer } from '../server/spawn-server.js';
import { eventually, type FakeSlack, startFakeSlack } from '../slack/fake-slack.js';
import { buttonClick, envelope, mention } from '../slack/payloads.js';
import { form, json, postSigned, SIGNING_SECRET } from '../slack/signed.js';
import { type RedisProcess, startRedis } from './redis-server.js';

/**
 * The built server under a steady stream of mentions and votes while its real redis-server stalls
 * (SIGSTOP) and then dies (SIGKILL) and comes back. Nothing acknowledged may go unanswered: every
 * mention gets an answer in its thread, and every vote gets a reply (counted, or "could not be saved").
 */
let redis: RedisProcess;
let slack: FakeSlack;
let server: ServerProcess;

beforeAll(async () => {
  redis = await startRedis();
  slack = await startFakeSlack();
  server = await spawnServer({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    REDIS_URL: redis.url,
  });
});
afterAll(async () => {
  await server?.stop();
  await slack?.close();
  redis?.resume();
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends `count` mentions and as many votes, one pair every `everyMs`; returns the thread ts of each mention and the HTTP statuses. */
async function drive(label: string, count: number, everyMs: number) {
  const threads: string[] = [];
  const sent: Promise<number>[] = [];
  for (let i = 0; i < count; i++) {
    const ts = `${label}.${String(i).padStart(4, '0')}`;
    threads.push(ts);
    sent.push(
      postSigned(
        `${server.url}/slack/events`,
        envelope(mention('40 TB in HDFS and nightly Hive joins', ts)),
        json,
      ).then((r) => r.status),
    );
    const vote = buttonClick({
      actionId: i % 2 ? 'feedback:up' : 'feedback:down',
      value: `answer-${label}-${i}`,
      user: `U${label}${i}`,
      responseUrl: `${slack.url}/response/${label}-${i}`,
    });
    sent.push(postSigned(`${server.url}/slack/events`, vote, form).then((r) => r.status));
    await sleep(everyMs);
  }
  return { threads, statuses: await Promise.all(sent) };
}

const answeredThreads = () =>
  new Set(slack.calls.filter((c) => c.method === 'chat.postMessage').map((c) => String(c.body.thread_ts)));

describe('a real Redis that stalls and then dies under load', () => {
  it('answers every acknowledged mention and replies to every vote', async () => {
    const votesBefore = slack.responses.length;
    // 1) Redis stalls for 3 s in the middle of 30 mentions and 30 votes
    const stalled = drive('1', 30, 100);
    await sleep(600);
    redis.pause();
    await sleep(3000);
    redis.resume();
    const first = await stalled;
    // 2) Redis is killed in the middle of the next 30, and comes back 2 s later
    const killed = drive('2', 30, 100);
    await sleep(600);
    await redis.kill();
    await sleep(2000);
    await redis.restart();
    const second = await killed;

    const threads = [...first.threads, ...second.threads];
    const acknowledged = [...first.statuses, ...second.statuses].filter((s) => s === 200).length;
    await eventually(() => threads.every((t) => answeredThreads().has(t)) || undefined, 20_000).catch(() => undefined);
    await eventually(() => slack.responses.length - votesBefore >= threads.length || undefined, 20_000).catch(
      () => undefined,
    );
    const unanswered = threads.filter((t) => !answeredThreads().has(t));
    const voteReplies = slack.responses.slice(votesBefore).map((r) => String(r.text));
    const answersPerThread = new Map<string, number>();
    for (const c of slack.calls.filter((x) => x.method === 'chat.postMessage')) {
      const t = String(c.body.thread_ts);
      answersPerThread.set(t, (answersPerThread.get(t) ?? 0) + 1);
    }
    const duplicated = threads.filter((t) => (answersPerThread.get(t) ?? 0) > 1);
    console.log(
      JSON.stringify({
        mentions: threads.length,
        acknowledged,
        unanswered: unanswered.length,
        duplicated: duplicated.length,
        votes: threads.length,
        voteReplies: voteReplies.length,
        notSaved: voteReplies.filter((t) => t.includes('could not be saved')).length,
      }),
    );
    expect(unanswered).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(voteReplies).toHaveLength(threads.length);
    expect(server.child.exitCode).toBeNull();
  }, 60_000);
});
