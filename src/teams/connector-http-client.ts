import { DeliveryError, type DeliveryPolicy } from '../http/delivery-policy.js';
import { HttpFailure, httpSend } from '../http/http-send.js';
import { type AttemptOutcome, describeOutcome, isRetryableStatus, retryDelay } from '../http/retry-decision.js';
import type { Logger } from '../logger.js';
import type { ConnectorHttpClient, ConnectorRequest, ConnectorResponse } from './connector-types.js';
import { headersLike } from './headers-like.js';

type Attempt = { outcome: AttemptOutcome; response?: ConnectorResponse };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The serialized activity (the connector's bodies are JSON strings); read again on every attempt. */
function bodyOf(request: ConnectorRequest): string | Uint8Array | null {
  const body: unknown = typeof request.body === 'function' ? request.body() : request.body;
  if (body === undefined || body === null) return null;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new TypeError('the Teams connector transport sends string or byte bodies only');
}

/** One try, cut off after `timeoutMs`, counted from connecting to the last byte of the response body. */
async function attemptOnce(request: ConnectorRequest, timeoutMs: number): Promise<Attempt> {
  // core-rest-pipeline hands transports a native AbortSignal (its wrapAbortSignalLikePolicy)
  const caller = request.abortSignal as AbortSignal | undefined;
  try {
    const answer = await httpSend(
      request.url,
      { method: request.method, headers: request.headers.rawHeaders(), body: bodyOf(request) },
      timeoutMs,
      caller,
    );
    // no redirects are followed: the pipeline's redirect policy decides, as with the SDK's own client
    const headers = Object.entries(answer.headers).flatMap(([name, value]): [string, string][] =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
    );
    const response: ConnectorResponse = {
      request,
      status: answer.status,
      headers: headersLike(headers),
      bodyAsText: answer.body,
    };
    const retryAfter = answer.headers['retry-after'];
    return {
      outcome: {
        kind: 'answered',
        status: answer.status,
        retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
      },
      response,
    };
  } catch (error) {
    if (!(error instanceof HttpFailure)) throw error; // the caller gave up, or a bug: not ours to retry
    return { outcome: error.kind === 'timeout' ? { kind: 'timeout' } : { kind: 'dropped', code: error.code } };
  }
}

/**
 * The HTTP transport for botbuilder's connector client (its `httpClient` option). The SDK's own
 * transport (core-rest-pipeline's NodeHttpClient) has no timeout, so a connector that never answers
 * holds the turn forever, and a timeout set on a request surfaces as an AbortError its retry policy
 * does not retry; that policy (3 retries, 1 s doubling to 64 s) cannot be configured through
 * botbuilder, which passes neither retry options nor `noRetryPolicy` on. This one cuts
 * every attempt off after `policy.timeoutMs` and retries timeouts, dropped connections, 408, 429
 * (after Retry-After) and 5xx with backoff, `policy.retries` times. A final 2xx/3xx/4xx is handed
 * back for the SDK to read; a failure that outlasts the retries becomes a DeliveryError, which the
 * SDK's retry policy does not retry again, so the attempts stay bounded by the policy.
 */
export function createConnectorHttpClient(
  policy: DeliveryPolicy,
  logger: Logger,
  deps: { random?: () => number } = {},
): ConnectorHttpClient {
  return {
    async sendRequest(request) {
      const host = new URL(request.url).host;
      for (let attempt = 1; ; attempt++) {
        const { outcome, response } = await attemptOnce(request, policy.timeoutMs);
        // 2xx, 3xx and a final 4xx go back to the SDK, which reads them (and a 4xx's error code)
        if (response && !isRetryableStatus(response.status)) return response;
        const wait = retryDelay(outcome, attempt, policy, deps.random);
        if (wait === undefined) {
          const reason = `the Bot Connector at ${host} ${describeOutcome(outcome, policy)} (${attempt} attempts)`;
          throw new DeliveryError(reason, response?.status);
        }
        logger.warn('teams connector retry', { attempt, reason: describeOutcome(outcome, policy), waitMs: wait });
        await sleep(wait);
      }
    },
  };
}
