import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

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
