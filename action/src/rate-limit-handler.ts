/** What plugin-throttling passes about the limited request: the route template and its parameters. */
export type LimitedRequest = { readonly method: string; readonly url: string; readonly [param: string]: unknown };

/** `/repos/{owner}/{repo}/…` with the request's own values filled in. */
function pathOf(request: LimitedRequest): string {
  return request.url.replace(/\{(\w+)\}/g, (template, name: string) => String(request[name] ?? template));
}

/**
 * A plugin-throttling handler: retry a rate-limited request `retries` times, and only when GitHub
 * asks to wait at most `maxWaitS` seconds (a primary limit can be an hour away; better to fail).
 */
export function createRateLimitHandler(
  kind: 'rate limit' | 'secondary rate limit',
  retries: number,
  maxWaitS: number,
  warn: (message: string) => void,
) {
  return (after: number, request: LimitedRequest, _octokit: unknown, retryCount: number): boolean => {
    const wait = after <= maxWaitS && retryCount < retries;
    warn(
      `GitHub ${kind} on ${request.method} ${pathOf(request)}; ` +
        (wait ? `retrying in ${after} s` : `it asks to wait ${after} s, giving up`),
    );
    return wait;
  };
}
