/** A fetch that gives every GitHub request, answer included, a bounded time (undici's own limits are minutes). */
type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** GitHub accepted a request but did not answer it in time. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${ms / 1000} s`;
}

/**
 * Wraps `fetch` so each call is aborted after `timeoutMs` and the whole answer is read within
 * that time. A timeout rejects with a RequestTimeoutError, which Octokit turns into a status-500
 * RequestError (so plugin-retry sends the request again); a connection dropped mid-answer rejects
 * too instead of leaving Octokit with an empty body.
 */
export function boundedFetch(fetch: Fetch, timeoutMs: number): Fetch {
  return async (url, init = {}) => {
    const { pathname, search } = new URL(url);
    const timeout = new AbortController();
    const timer = setTimeout(
      () =>
        timeout.abort(
          new RequestTimeoutError(
            `GitHub did not answer ${init.method ?? 'GET'} ${pathname}${search} within ${seconds(timeoutMs)}`,
          ),
        ),
      timeoutMs,
    );
    const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
    try {
      const response = await fetch(url, { ...init, signal });
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
      const read = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: Array.from(response.headers),
      });
      Object.defineProperty(read, 'url', { value: response.url });
      return read;
    } catch (error) {
      throw timeout.signal.aborted ? timeout.signal.reason : error;
    } finally {
      clearTimeout(timer);
    }
  };
}
