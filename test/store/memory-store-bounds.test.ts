import { describe, expect, it } from 'vitest';
import { ask } from '../../src/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

describe('the memory store is bounded in bytes, not only in entries', () => {
  it('drops the least recently written entries once over its byte budget', async () => {
    const store = createMemoryStore(Date.now, 1_000_000, 1024 * 1024);
    const value = 'x'.repeat(100_000); // ~200 KB as a JavaScript string
    for (let i = 0; i < 20; i++) await store.setJson(`k${i}`, value, 3600);
    expect(await store.getJson('k0')).toBeUndefined(); // the oldest went first
    expect(await store.getJson('k19')).toBe(value); // the newest stayed
    let kept = 0;
    for (let i = 0; i < 20; i++) if ((await store.getJson(`k${i}`)) !== undefined) kept++;
    expect(kept).toBeLessThanOrEqual(5);
  });

  it('1,000 conversations fed 256 KiB questions fit a small budget: the facts stored per answer stay small', async () => {
    const store = createMemoryStore(Date.now, 1_000_000, 16 * 1024 * 1024);
    const question = Array.from({ length: 40_000 }, (_, i) => `${i} TB`)
      .join(' ')
      .slice(0, 256 * 1024);
    const facts = ask(question).facts;
    expect(Buffer.byteLength(JSON.stringify(facts))).toBeLessThan(8 * 1024);
    for (let i = 0; i < 1000; i++) await store.setJson(`slack:dm:D${i}`, facts, 86_400);
    // all 1,000 still there under a 16 MiB budget: nothing had to be evicted
    expect(await store.getJson('slack:dm:D0')).toEqual(facts);
    expect(await store.getJson('slack:dm:D999')).toEqual(facts);
  });
});
