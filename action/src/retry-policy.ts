/** How hard the Action tries to reach GitHub: one value for the transport and for the comment POST. */
export type RetryPolicy = {
  /** sends per request, the first included */
  readonly attempts: number;
  /** how long one send may take, the whole answer included */
  readonly timeoutMs: number;
  /** the wait before send n + 1 is n² × backoffMs (plugin-retry's curve) */
  readonly backoffMs: number;
  /** the longest wait a rate limit may ask for before the Action gives up instead */
  readonly maxRateLimitWaitS: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  timeoutMs: 30_000,
  backoffMs: 1_000,
  maxRateLimitWaitS: 60,
};

/** Environment variables (undocumented; the tests use them) that shorten the policy's times. */
export const RETRY_ENV = {
  timeoutMs: 'SPARK_OR_PYTORCH_REQUEST_TIMEOUT_MS',
  backoffMs: 'SPARK_OR_PYTORCH_RETRY_BACKOFF_MS',
} as const;

function milliseconds(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a whole number of milliseconds above 0, got "${raw}"`);
  }
  return value;
}

/** The default policy with the times the environment overrides. */
export function readRetryPolicy(env: Record<string, string | undefined>): RetryPolicy {
  return {
    ...DEFAULT_RETRY_POLICY,
    timeoutMs: milliseconds(env, RETRY_ENV.timeoutMs, DEFAULT_RETRY_POLICY.timeoutMs),
    backoffMs: milliseconds(env, RETRY_ENV.backoffMs, DEFAULT_RETRY_POLICY.backoffMs),
  };
}
