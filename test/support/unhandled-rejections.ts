import { afterEach, beforeEach, expect } from 'vitest';

/** Fails every test of the file in which a rejection went unhandled: no fault may escape that way. */
export function failOnUnhandledRejections(): void {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(async () => {
    await new Promise((r) => setTimeout(r, 50)); // give a stray rejection the chance to surface
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });
}
