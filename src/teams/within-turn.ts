import type { DeliveryPolicy } from '../http/delivery-policy.js';

/**
 * A Teams reply is sent while the Bot Framework waits for our HTTP answer to its POST (about 15 s):
 * the attempts must fit inside that — at most 3 of at most 4 s each, 13.5 s with backoff. (A
 * Retry-After the connector asks for is still honoured up to 10 s: its wish, its wait.)
 */
export const withinTurn = (delivery: DeliveryPolicy): DeliveryPolicy => ({
  ...delivery,
  timeoutMs: Math.min(delivery.timeoutMs, 4000),
  retries: Math.min(delivery.retries, 2),
  minBackoffMs: Math.min(delivery.minBackoffMs, 500),
  maxBackoffMs: Math.min(delivery.maxBackoffMs, 1000),
});
