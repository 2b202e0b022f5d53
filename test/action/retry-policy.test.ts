import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, readRetryPolicy } from '../../action/src/retry-policy.js';

describe('readRetryPolicy', () => {
  it('bounds every request by default: 30 s per send, 3 sends, waits of 1 s then 4 s', () => {
    expect(readRetryPolicy({})).toEqual(DEFAULT_RETRY_POLICY);
    expect(DEFAULT_RETRY_POLICY).toMatchObject({ attempts: 3, timeoutMs: 30_000, backoffMs: 1_000 });
  });

  it('takes shorter times from the environment (the tests do)', () => {
    const policy = readRetryPolicy({
      SPARK_OR_PYTORCH_REQUEST_TIMEOUT_MS: '1000',
      SPARK_OR_PYTORCH_RETRY_BACKOFF_MS: '',
    });
    expect(policy).toEqual({ ...DEFAULT_RETRY_POLICY, timeoutMs: 1000 });
  });

  it.each(['0', '-5', '1.5', 'soon', '30s'])('refuses %j, naming the variable', (raw) => {
    expect(() => readRetryPolicy({ SPARK_OR_PYTORCH_REQUEST_TIMEOUT_MS: raw })).toThrow(
      `SPARK_OR_PYTORCH_REQUEST_TIMEOUT_MS must be a whole number of milliseconds above 0, got "${raw}"`,
    );
  });
});
