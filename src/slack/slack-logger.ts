import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import type { Logger } from '../logger.js';

/** Bolt's logger interface over ours: one JSON line per message, tagged slack. */
export function toSlackLogger(logger: Logger): SlackLogger {
  let level = LogLevel.INFO;
  const at =
    (fn: (msg: string, fields?: Record<string, unknown>) => void) =>
    (...msgs: unknown[]) =>
      fn(msgs.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' '), {
        source: 'slack',
      });
  return {
    debug: at(logger.debug),
    info: at(logger.info),
    warn: at(logger.warn),
    error: at(logger.error),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
