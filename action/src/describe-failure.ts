import { RequestTimeoutError } from './bounded-fetch.js';
import { isTransient, statusOf } from './github-api.js';

/** What an Octokit RequestError carries; `response` is missing when no answer came. */
type RequestFailure = {
  readonly request?: { readonly method?: string; readonly url?: string };
  readonly response?: unknown;
  readonly cause?: unknown;
};

function routeOf(failure: RequestFailure): string {
  const { method, url } = failure.request ?? {};
  if (!method || !url) return 'GitHub';
  const { pathname, search } = URL.canParse(url) ? new URL(url) : { pathname: url, search: '' };
  return `${method} ${pathname}${search}`;
}

/**
 * The Action's failure in one line a user can act on. `attempts` is how many times a request is
 * sent before the Action gives up on a 5xx, a timeout or a dropped connection.
 */
export function describeFailure(error: unknown, attempts: number): string {
  const message = error instanceof Error ? error.message : String(error);
  const status = statusOf(error);
  const failure = (typeof error === 'object' && error !== null ? error : {}) as RequestFailure;
  if (status === undefined || failure.request === undefined) return `spark-or-pytorch failed: ${message}`;
  const tries = isTransient(error) ? ` (${attempts} attempts)` : '';
  if (failure.cause instanceof RequestTimeoutError) return `${failure.cause.message}${tries}`;
  if (failure.response === undefined) return `GitHub could not be reached for ${routeOf(failure)}: ${message}${tries}`;
  return `GitHub answered ${status} to ${routeOf(failure)}: ${message}${tries}`;
}
