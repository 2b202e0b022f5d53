import type { DeliveryPolicy } from '../http/delivery-policy.js';
import { type HttpAnswer, sendAttempt } from '../http/http-send.js';
import { deliverWithRetries, isRetryableStatus } from '../http/retry-decision.js';
import type { Logger } from '../logger.js';
import type { ConnectorHttpClient, ConnectorRequest, ConnectorResponse } from './connector-types.js';
import { headersLike } from './headers-like.js';

/** The serialized activity (the connector's bodies are JSON strings): the same bytes go out on every attempt. */
function bodyOf(request: ConnectorRequest): string | Uint8Array | null {
  const body: unknown = typeof request.body === 'function' ? request.body() : request.body;
  if (body === undefined || body === null) return null;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new TypeError('the Teams connector transport sends string or byte bodies only');
}

/** The pipeline's response for an answer (no redirects are followed: the pipeline's policy decides). */
function toResponse(request: ConnectorRequest, answer: HttpAnswer): ConnectorResponse {
  const headers = Object.entries(answer.headers).flatMap(([name, value]): [string, string][] =>
    value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
  );
  return { request, status: answer.status, headers: headersLike(headers), bodyAsText: answer.body };
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
      // core-rest-pipeline hands transports a native AbortSignal (its wrapAbortSignalLikePolicy)
      const caller = request.abortSignal as AbortSignal | undefined;
      const init = { method: request.method, headers: request.headers.rawHeaders(), body: bodyOf(request) };
      // 2xx, 3xx and a final 4xx go back to the SDK, which reads them (and a 4xx's error code)
      const final = (status: number) => !isRetryableStatus(status);
      const answer = await deliverWithRetries(
        `the Bot Connector at ${new URL(request.url).host}`,
        policy,
        () => sendAttempt(request.url, init, policy.timeoutMs, final, caller),
        {
          onRetry: (attempt, reason, waitMs) => logger.warn('teams connector retry', { attempt, reason, waitMs }),
          ...(deps.random ? { random: deps.random } : {}),
        },
      );
      return toResponse(request, answer);
    },
  };
}
