import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/logger.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import type { Store } from '../../src/store/store.js';
import { type RedisProcess, startRedis } from './redis-server.js';

let redis: RedisProcess;
const open: Store[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  await redis.stop();
});

/** A vote as the bots store it: ids and signals, never message text. */
const VOTE = {
  platform: 'slack',
  answerId: 'a',
  vote: 'up' as const,
  verdict: 'spark',
  confidence: 0.9,
  signals: ['scale.large'],
  user: 'U1',
  at: '2026-11-24T00:00:00.000Z',
};

let run = 0;
const factories: [string, () => Store][] = [
  ['memory', () => createMemoryStore()],
  [
    'redis',
    () => {
      const store = createRedisStore({ url: redis.url, logger: createMemoryLogger(), prefix: `t${++run}:` });
      open.push(store);
      return store;
    },
  ],
];

describe.each(factories)('the %s store keeps the Store contract', (_name, make) => {
  it('claims a key exactly once under concurrency', async () => {
    const store = make();
    await store.ping();
    const results = await Promise.all(Array.from({ length: 50 }, () => store.claimOnce('event:E1', 60)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('round-trips JSON', async () => {
    const store = make();
    await store.setJson('thread:C1:1', { facts: [{ signal: 'scale.large' }] }, 60);
    expect(await store.getJson('thread:C1:1')).toEqual({ facts: [{ signal: 'scale.large' }] });
    expect(await store.getJson('thread:none')).toBeUndefined();
  });

  it("keeps every user's vote", async () => {
    const store = make();
    const vote = VOTE;
    expect(await store.addFeedback(vote)).toBe('added');
    expect(await store.addFeedback({ ...vote, user: 'U2', vote: 'down' })).toBe('added');
    expect((await store.listFeedback()).map((v) => `${v.user}:${v.vote}`).sort()).toEqual(['U1:up', 'U2:down']);
  });

  it('keeps one vote per user per answer: the latest wins, and says what a vote did', async () => {
    const store = make();
    const vote = { ...VOTE, platform: 'teams', answerId: 'b' };
    const outcomes = [];
    for (let i = 0; i < 10; i++) outcomes.push(await store.addFeedback(vote));
    expect(outcomes).toEqual(['added', ...Array(9).fill('unchanged')]);
    expect(await store.addFeedback({ ...vote, vote: 'down' })).toBe('changed');
    // ten clicks at once are still one vote
    await Promise.all(Array.from({ length: 10 }, () => store.addFeedback({ ...vote, answerId: 'c' })));
    const votes = await store.listFeedback();
    expect(votes.map((v) => `${v.answerId}:${v.vote}`).sort()).toEqual(['b:down', 'c:up']);
  });
});

describe('Redis shared by two replicas', () => {
  it('a Slack retry claimed by one replica is not claimed again by the other; facts are shared', async () => {
    const a = createRedisStore({ url: redis.url, logger: createMemoryLogger(), prefix: 'shared:' });
    const b = createRedisStore({ url: redis.url, logger: createMemoryLogger(), prefix: 'shared:' });
    open.push(a, b);
    expect(await a.claimOnce('slack:event:Ev1', 60)).toBe(true);
    expect(await b.claimOnce('slack:event:Ev1', 60)).toBe(false);
    await a.setJson('slack:thread:C1:1', { n: 1 }, 60);
    expect(await b.getJson('slack:thread:C1:1')).toEqual({ n: 1 });
  });

  it('expires claims after their TTL', async () => {
    const store = createRedisStore({ url: redis.url, logger: createMemoryLogger(), prefix: 'ttl:' });
    open.push(store);
    expect(await store.claimOnce('k', 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await store.claimOnce('k', 1)).toBe(true);
  });

  it('ping fails while Redis is down and recovers when it returns; the process stays up', async () => {
    const logger = createMemoryLogger();
    const store = createRedisStore({ url: redis.url, logger, prefix: 'down:' });
    open.push(store);
    await store.ping();
    await redis.stop();
    await expect(store.ping()).rejects.toThrow();
    await expect(store.claimOnce('x', 10)).rejects.toThrow();
    await redis.restart();
    const deadline = Date.now() + 10_000;
    let ok = false;
    while (!ok && Date.now() < deadline) {
      ok = await store.ping().then(
        () => true,
        () => false,
      );
      if (!ok) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ok).toBe(true);
    expect(logger.lines.some((l) => String(l.msg).includes('redis unreachable, retrying'))).toBe(true);
  });
});
