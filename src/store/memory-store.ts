import { type FeedbackVote, type Store, voteOutcome, voteSlot } from './store.js';

type Entry = { value: string; expiresAt: number };

/** What the memory store may hold by default: entries and bytes (keys and JSON values). */
export const MEMORY_STORE_LIMITS = { maxEntries: 100_000, maxBytes: 64 * 1024 * 1024 };

/**
 * One process's memory, bounded by entries and by bytes; the least recently written entries go
 * first. The clock is injected so expiry can be tested without waiting.
 */
export function createMemoryStore(
  now: () => number = Date.now,
  maxEntries = MEMORY_STORE_LIMITS.maxEntries,
  maxBytes = MEMORY_STORE_LIMITS.maxBytes,
): Store {
  const entries = new Map<string, Entry>();
  const feedback = new Map<string, FeedbackVote>();
  let bytes = 0;
  /** JavaScript strings: two bytes per UTF-16 unit, key and value */
  const sizeOf = (key: string, entry: Entry) => 2 * (key.length + entry.value.length);
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= sizeOf(key, entry);
    entries.delete(key);
  };

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      remove(key);
      return undefined;
    }
    return entry;
  };
  const put = (key: string, value: string, ttlSeconds: number) => {
    remove(key);
    const entry = { value, expiresAt: now() + ttlSeconds * 1000 };
    entries.set(key, entry);
    bytes += sizeOf(key, entry);
    // Map keeps insertion order: the oldest entries go first when the store is full
    while (entries.size > maxEntries || (bytes > maxBytes && entries.size > 1)) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      remove(oldest);
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
      const slot = voteSlot(vote);
      const earlier = feedback.get(slot)?.vote;
      feedback.set(slot, vote);
      return voteOutcome(earlier, vote.vote);
    },
    async listFeedback() {
      return [...feedback.values()];
    },
    async ping() {},
    async close() {
      entries.clear();
      bytes = 0;
    },
  };
}
