import { HttpFailure, httpSend } from './http-send.js';
import { type AttemptOutcome, describeOutcome, retryDelay } from './retry-decision.js';

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One POST, cut off after `timeoutMs` (counted to the last byte of the answer). */
async function postOnce(url: string, body: string, timeoutMs: number): Promise<AttemptOutcome> {
  try {
    const answer = await httpSend(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body },
      timeoutMs,
    );
    const retryAfter = answer.headers['retry-after'];
    return { kind: 'answered', status: answer.status, retryAfter: typeof retryAfter === 'string' ? retryAfter : null };
  } catch (error) {
    if (!(error instanceof HttpFailure)) throw error;
    return error.kind === 'timeout' ? { kind: 'timeout' } : { kind: 'dropped', code: error.code };
  }
}

/**
 * POSTs `body` as JSON to `url` under the policy and resolves once it is answered 2xx. Rejects with
 * a DeliveryError naming the last failure when the attempts are spent, or at once on an answer that
 * asking again cannot change (e.g. 404 for an expired Slack response_url).
 */
export async function postJsonWithRetry(url: string, body: unknown, policy: DeliveryPolicy): Promise<void> {
  const serialized = JSON.stringify(body);
  for (let attempt = 1; ; attempt++) {
    const outcome = await postOnce(url, serialized, policy.timeoutMs);
    if (outcome.kind === 'answered' && outcome.status >= 200 && outcome.status < 300) return;
    const wait = retryDelay(outcome, attempt, policy);
    if (wait === undefined) {
      const status = outcome.kind === 'answered' ? outcome.status : undefined;
      throw new DeliveryError(
        `POST ${new URL(url).host} ${describeOutcome(outcome, policy)} (${attempt} attempts)`,
        status,
      );
    }
    await sleep(wait);
  }
}
