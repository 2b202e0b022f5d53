import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { DeliveryPolicy } from './delivery-policy.js';
import { type Attempt, deliverWithRetries } from './retry-decision.js';

export type HttpAnswer = { readonly status: number; readonly headers: IncomingHttpHeaders; readonly body: string };

/** Why one exchange failed before an answer was read: it took too long, or the connection broke. */
export class HttpFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'dropped',
    readonly code: string,
  ) {
    super(kind === 'timeout' ? 'no answer in time' : `connection failed (${code})`);
    this.name = 'HttpFailure';
  }
}

// kept-alive connections, as fetch would; a few sockets suffice for the platforms' endpoints
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * One HTTP exchange on node:http(s), whole answer read, cut off after `timeoutMs` (counted to the
 * last byte). The bots post answers to platform APIs hundreds of times a second: fetch given an
 * AbortSignal keeps each request alive until a full garbage collection (undici's finalizers), and
 * node:http with a socket timer does not — a measurable difference in GC pauses under load.
 */
export function httpSend(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string | Uint8Array | null },
  timeoutMs: number,
  caller?: AbortSignal,
): Promise<HttpAnswer> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
      req.destroy();
      reject(error);
    };
    const onAbort = () => fail(caller?.reason instanceof Error ? caller.reason : new Error('aborted'));
    const req = send(target, { method: init.method, headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error: NodeJS.ErrnoException) => fail(new HttpFailure('dropped', error.code ?? error.message)));
      res.on('aborted', () => fail(new HttpFailure('dropped', 'ECONNRESET')));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        caller?.removeEventListener('abort', onAbort);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    const timer = setTimeout(() => fail(new HttpFailure('timeout', 'ETIMEDOUT')), timeoutMs);
    timer.unref();
    req.on('error', (error: NodeJS.ErrnoException) => fail(new HttpFailure('dropped', error.code ?? error.message)));
    if (caller?.aborted) return onAbort();
    caller?.addEventListener('abort', onAbort, { once: true });
    req.end(init.body ?? undefined);
  });
}

/**
 * httpSend as one retry attempt: an answer of any status is `answered` (with its Retry-After) and
 * comes back as the value; a timeout or a broken connection is an outcome without a value.
 * `isFinal` decides which answers end the retries.
 */
export async function sendAttempt(
  url: string,
  init: Parameters<typeof httpSend>[1],
  timeoutMs: number,
  isFinal: (status: number) => boolean,
  caller?: AbortSignal,
): Promise<Attempt<HttpAnswer>> {
  try {
    const answer = await httpSend(url, init, timeoutMs, caller);
    const retryAfter = answer.headers['retry-after'];
    const outcome = {
      kind: 'answered' as const,
      status: answer.status,
      retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
    };
    return isFinal(answer.status) ? { outcome, value: answer } : { outcome };
  } catch (error) {
    if (!(error instanceof HttpFailure)) throw error; // the caller gave up, or a bug: not ours to retry
    return { outcome: error.kind === 'timeout' ? { kind: 'timeout' } : { kind: 'dropped', code: error.code } };
  }
}

/**
 * POSTs `body` as JSON to `url` under the policy and resolves once it is answered 2xx. Rejects with
 * a DeliveryError naming the last failure when the attempts are spent, or at once on an answer that
 * asking again cannot change (e.g. 404 for an expired Slack response_url).
 */
export async function postJsonWithRetry(url: string, body: unknown, policy: DeliveryPolicy): Promise<void> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const delivered = (status: number) => status >= 200 && status < 300;
  await deliverWithRetries(`POST ${new URL(url).host}`, policy, () =>
    sendAttempt(url, init, policy.timeoutMs, delivered),
  );
}
