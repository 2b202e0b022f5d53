import { describe, expect, it } from 'vitest';
import type { DeliveryPolicy } from '../../src/http/delivery-policy.js';
import { type AttemptOutcome, MAX_RETRY_AFTER_MS, retryDelay } from '../../src/http/retry-decision.js';

const policy: DeliveryPolicy = { timeoutMs: 5000, retries: 3, minBackoffMs: 200, maxBackoffMs: 1000 };
const now = Date.parse('2026-01-01T00:00:00Z');
const status = (s: number, retryAfter: string | null = null): AttemptOutcome => ({
  kind: 'answered',
  status: s,
  retryAfter,
});

describe('retryDelay: when the Teams transport asks again, and how long it waits first', () => {
  it.each<[string, AttemptOutcome, number, number | undefined]>([
    ['a 503 after the first attempt: the base backoff', status(503), 1, 200],
    ['a 500 after the second: doubled', status(500), 2, 400],
    ['a timeout after the third: doubled again', { kind: 'timeout' }, 3, 800],
    ['a dropped connection', { kind: 'dropped', code: 'ECONNRESET' }, 1, 200],
    ['a 408', status(408), 1, 200],
    ['429 with Retry-After: 2 → its 2 s, not the backoff', status(429, '2'), 1, 2000],
    ['503 with Retry-After as an HTTP date', status(503, 'Thu, 01 Jan 2026 00:00:03 GMT'), 1, 3000],
    ['429 with an unreadable Retry-After: the backoff', status(429, 'soon'), 1, 200],
    [
      '429 asking for longer than a turn can wait: give up',
      status(429, String(MAX_RETRY_AFTER_MS / 1000 + 1)),
      1,
      undefined,
    ],
    ['retries spent (attempt 4 of 4)', status(503), 4, undefined],
    ['400 BadArgument: asking again cannot help', status(400), 1, undefined],
    ['404: not retried', status(404), 1, undefined],
    ['501 Not Implemented: not retried', status(501), 1, undefined],
    ['200: nothing to retry', status(200), 1, undefined],
  ])('%s', (_what, outcome, attempt, expected) => {
    expect(retryDelay(outcome, attempt, policy, () => 1, now)).toBe(expected);
  });

  it.each([
    ['no jitter, attempt 2', 0, 2, 200],
    ['full jitter, attempt 2', 1, 2, 400],
    ['no jitter, attempt 6: capped at maxBackoffMs first', 0, 6, 500],
    ['full jitter, attempt 6', 1, 6, 1000],
  ])('%s (random %d, attempt %d) → %d ms', (_what, random, attempt, expected) => {
    const patient = { ...policy, retries: 10 };
    expect(retryDelay(status(503), attempt, patient, () => random, now)).toBe(expected);
  });
});
