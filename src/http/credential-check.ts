import type { Logger } from '../logger.js';

/** How often a credential the platform has not yet accepted is checked again. */
export const RECHECK_MS = 30_000;

export type CredentialCheck = {
  /** why the integration cannot serve yet, or undefined once the platform accepted the credential */
  notReady(): string | undefined;
  /** a later failure (e.g. Socket Mode could not connect) that /readyz should name */
  fail(why: string): void;
  stop(): void;
};

/**
 * Checks a credential in the background and again every 30 s until the platform accepts it: a
 * refused credential or an unreachable platform is one log line and a reason for /readyz, never a
 * crash. `check` resolves with undefined when accepted, or with the reason it was not.
 */
export function startCredentialCheck(options: {
  readonly what: string;
  readonly check: () => Promise<string | undefined>;
  readonly logger: Logger;
  readonly recheckMs?: number;
}): CredentialCheck {
  const { what, check, logger } = options;
  let reason: string | undefined = `checking ${what}`;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    const next = await check().catch((error: Error) => `${what} could not be checked: ${error.message}`);
    if (next === undefined) {
      if (reason) logger.info(`${what}: accepted`);
    } else {
      if (next !== reason) logger.error(`${what}: check failed`, { reason: next });
      if (!stopped) timer = setTimeout(() => void run(), options.recheckMs ?? RECHECK_MS).unref();
    }
    reason = next;
  };
  void run();
  return {
    notReady: () => reason,
    fail: (why) => {
      reason = why;
    },
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
