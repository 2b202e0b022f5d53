/**
 * How hard the bots try to deliver an answer to a platform API: each attempt is cut off after
 * `timeoutMs`; a timeout, a dropped connection, a 429 (after its Retry-After) or a 5xx is retried
 * up to `retries` more times with exponential backoff between `minBackoffMs` and `maxBackoffMs`.
 */
export type DeliveryPolicy = {
  readonly timeoutMs: number;
  readonly retries: number;
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
};

export const DEFAULT_DELIVERY: DeliveryPolicy = {
  timeoutMs: 10_000,
  retries: 3,
  minBackoffMs: 200,
  maxBackoffMs: 3000,
};

/** A delivery that failed for good, with a reason fit for a log line (no message text, no tokens). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
