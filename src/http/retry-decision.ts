import { DeliveryError, type DeliveryPolicy } from './delivery-policy.js';

/** The longest Retry-After an answer waits for; a platform asking for more is given up on. */
export const MAX_RETRY_AFTER_MS = 10_000;

/** How one attempt at a platform API call (Bot Connector, Slack response_url) ended, as plain data. */
export type AttemptOutcome =
  | { readonly kind: 'answered'; readonly status: number; readonly retryAfter?: string | null }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'dropped'; readonly code: string };

/** Worth asking again: 408, 429 and 5xx, except 501 and 505 (asking again cannot help). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before attempt `attempt + 1`, or undefined to stop: the outcome is final, the
 * attempts are spent, or the platform asked us to come back later than an answer can wait.
 * Backoff doubles from `minBackoffMs` up to `maxBackoffMs`, with jitter over its upper half.
 */
export function retryDelay(
  outcome: AttemptOutcome,
  attempt: number,
  policy: DeliveryPolicy,
  random: () => number = Math.random,
  now: number = Date.now(),
): number | undefined {
  if (outcome.kind === 'answered' && !isRetryableStatus(outcome.status)) return undefined;
  if (attempt > policy.retries) return undefined;
  if (outcome.kind === 'answered') {
    const asked = parseRetryAfter(outcome.retryAfter, now);
    if (asked !== undefined) return asked <= MAX_RETRY_AFTER_MS ? asked : undefined;
  }
  const backoff = Math.min(policy.minBackoffMs * 2 ** (attempt - 1), policy.maxBackoffMs);
  return Math.round(backoff / 2 + (random() * backoff) / 2);
}

/** The outcome in words for a log line: no URL path, no body, no headers. */
export function describeOutcome(outcome: AttemptOutcome, policy: DeliveryPolicy): string {
  if (outcome.kind === 'answered') return `answered ${outcome.status}`;
  if (outcome.kind === 'timeout') return `did not answer within ${policy.timeoutMs} ms`;
  return `dropped the connection (${outcome.code})`;
}

/** One try's result: how it ended and, when it delivered, what it returned. */
export type Attempt<T> = { readonly outcome: AttemptOutcome; readonly value?: T };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `attempt` until it returns a value, waiting `retryDelay` between tries, and rejects with a
 * DeliveryError naming `what` and the last outcome once the policy says stop. The one retry loop of
 * every front end's delivery (Slack answers and response_url, the Teams connector).
 */
export async function deliverWithRetries<T>(
  what: string,
  policy: DeliveryPolicy,
  attempt: (n: number) => Promise<Attempt<T>>,
  options: { onRetry?: (n: number, reason: string, waitMs: number) => void; random?: () => number } = {},
): Promise<T> {
  for (let n = 1; ; n++) {
    const { outcome, value } = await attempt(n);
    if (value !== undefined) return value;
    const wait = retryDelay(outcome, n, policy, options.random);
    const reason = describeOutcome(outcome, policy);
    if (wait === undefined)
      throw new DeliveryError(
        `${what} ${reason} (${n} attempts)`,
        outcome.kind === 'answered' ? outcome.status : undefined,
      );
    options.onRetry?.(n, reason, wait);
    await sleep(wait);
  }
}
