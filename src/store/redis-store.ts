import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { type FeedbackVote, type Store, type VoteOutcome, voteOutcome, voteSlot } from './store.js';

/** Replaces a user's vote on an answer and returns the one it replaced, in one atomic step. */
const SWAP_VOTE =
  "local earlier = redis.call('HGET', KEYS[1], ARGV[1]); redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]); return earlier";

export type RedisStoreOptions = { readonly url: string; readonly logger: Logger; readonly prefix?: string };

/**
 * The Store on Redis, shared by every replica: SET NX EX for dedupe, JSON with TTL for thread
 * facts, a hash without expiry for feedback (one latest vote per user per answer). Calls fail within a second while Redis is down and
 * the client reconnects with a bounded backoff; the process never crashes over it.
 */
export function createRedisStore(options: RedisStoreOptions): Store {
  const prefix = options.prefix ?? 'spark-or-pytorch:';
  const { logger } = options;
  let down = false;
  const redis = new Redis(options.url, {
    // commands wait briefly for a (re)connection, then fail: callers degrade instead of hanging
    enableOfflineQueue: true,
    commandTimeout: 1000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => {
      const delay = Math.min(100 * 2 ** attempt, 5000);
      logger.warn('redis unreachable, retrying', { attempt, delayMs: delay });
      return delay;
    },
  });
  let lastError = '';
  let closing = false;
  const degrade = (reason: string) => {
    lastError = reason;
    if (!down) logger.error('redis error; degraded until it returns', { error: reason });
    down = true;
  };
  redis.on('error', (error) => degrade(error.message));
  redis.on('close', () => {
    if (!closing && !down) degrade('the connection closed'); // after an error, keep its more precise words
  });
  redis.on('ready', () => {
    if (down) logger.info('redis connection restored');
    down = false;
  });
  const key = (k: string) => `${prefix}${k}`;

  return {
    async claimOnce(k, ttlSeconds) {
      return (await redis.set(key(k), '1', 'EX', ttlSeconds, 'NX')) === 'OK';
    },
    async getJson<T>(k: string) {
      const value = await redis.get(key(k));
      return value === null ? undefined : (JSON.parse(value) as T);
    },
    async setJson(k, value, ttlSeconds) {
      await redis.set(key(k), JSON.stringify(value), 'EX', ttlSeconds);
    },
    async addFeedback(vote: FeedbackVote): Promise<VoteOutcome> {
      const earlier = (await redis.eval(SWAP_VOTE, 1, key('votes'), voteSlot(vote), JSON.stringify(vote))) as
        | string
        | null;
      return voteOutcome(earlier ? (JSON.parse(earlier) as FeedbackVote).vote : undefined, vote.vote);
    },
    async listFeedback() {
      // votes from before one-vote-per-user (a list) come first, then every latest vote
      const [listed, latest] = await Promise.all([redis.lrange(key('feedback'), 0, -1), redis.hvals(key('votes'))]);
      return [...listed, ...latest].map((v) => JSON.parse(v) as FeedbackVote);
    },
    async ping() {
      // during an outage, say so at once rather than queue behind it
      if (down) throw new Error(`Redis is unreachable: ${lastError}`);
      await redis.ping().catch((error: Error) => {
        throw new Error(`Redis is unreachable: ${lastError || error.message}`);
      });
    },
    async close() {
      closing = true;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
