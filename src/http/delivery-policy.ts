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

/** The longest Retry-After we wait for before giving up on an attempt (Slack asks for ~1–60 s). */
const MAX_RETRY_AFTER_MS = 30_000;

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

/**
 * POSTs `body` as JSON to `url` under the policy and resolves with the first 2xx response. Rejects
 * with a DeliveryError naming the last failure once the attempts are spent, or at once on a 4xx
 * other than 429 (asking again would not help).
 */
export async function postJsonWithRetry(
  url: string,
  body: unknown,
  policy: DeliveryPolicy,
  fetchFn: typeof fetch = fetch,
): Promise<Response> {
  const what = `POST ${new URL(url).host}`;
  let last = '';
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    let wait = Math.min(policy.minBackoffMs * 2 ** attempt, policy.maxBackoffMs);
    try {
      const response = await fetchFn(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined); // drain: the body is not needed, the socket is
      if (response.ok) return response;
      last = `${what} answered ${response.status}`;
      if (response.status !== 429 && response.status < 500) throw new DeliveryError(last, response.status);
      const retryAfter = Number(response.headers.get('retry-after'));
      if (response.status === 429 && Number.isFinite(retryAfter) && retryAfter > 0)
        wait = Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS);
    } catch (error) {
      if (error instanceof DeliveryError) throw error;
      const name = (error as Error).name;
      last =
        name === 'TimeoutError'
          ? `${what} did not answer within ${policy.timeoutMs} ms`
          : `${what} failed: ${(error as Error).message}`;
    }
    if (attempt < policy.retries) await sleep(wait);
  }
  throw new DeliveryError(`${last} (${policy.retries + 1} attempts)`);
}
