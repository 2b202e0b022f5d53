import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY, type DeliveryPolicy } from '../../src/http/delivery-policy.js';
import { withinTurn } from '../../src/teams/within-turn.js';

/** The longest a reply can take under a policy: every attempt timing out, with the longest waits. */
const worstCaseMs = (p: DeliveryPolicy) => {
  let total = (p.retries + 1) * p.timeoutMs;
  for (let n = 0; n < p.retries; n++) total += Math.min(p.minBackoffMs * 2 ** n, p.maxBackoffMs);
  return total;
};

describe('Teams replies fit inside the Bot Framework’s 15 s wait for our answer', () => {
  it.each<[string, DeliveryPolicy]>([
    ['the defaults', DEFAULT_DELIVERY],
    ['a generous policy', { timeoutMs: 60_000, retries: 10, minBackoffMs: 5_000, maxBackoffMs: 60_000 }],
  ])('%s are capped to under 15 s', (_what, policy) => {
    expect(worstCaseMs(policy)).toBeGreaterThan(15_000);
    expect(worstCaseMs(withinTurn(policy))).toBeLessThan(15_000);
  });

  it('a policy already inside the budget is left alone', () => {
    const tight: DeliveryPolicy = { timeoutMs: 300, retries: 2, minBackoffMs: 20, maxBackoffMs: 100 };
    expect(withinTurn(tight)).toEqual(tight);
  });
});
