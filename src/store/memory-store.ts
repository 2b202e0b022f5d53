import type { FeedbackVote, Store } from './store.js';

type Entry = { value: string; expiresAt: number };

/** One process's memory; the clock is injected so expiry can be tested without waiting. */
export function createMemoryStore(now: () => number = Date.now, maxEntries = 100_000): Store {
  const entries = new Map<string, Entry>();
  const feedback: FeedbackVote[] = [];

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const put = (key: string, value: string, ttlSeconds: number) => {
    entries.delete(key);
    entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
    // Map keeps insertion order: the oldest entries go first when the store is full
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };

  return {
    async claimOnce(key, ttlSeconds) {
      if (live(key)) return false;
      put(key, '1', ttlSeconds);
      return true;
    },
    async getJson<T>(key: string) {
      const entry = live(key);
      return entry ? (JSON.parse(entry.value) as T) : undefined;
    },
    async setJson(key, value, ttlSeconds) {
      put(key, JSON.stringify(value), ttlSeconds);
    },
    async addFeedback(vote) {
      feedback.push(vote);
    },
    async listFeedback() {
      return [...feedback];
    },
    async ping() {},
    async close() {
      entries.clear();
    },
  };
}
