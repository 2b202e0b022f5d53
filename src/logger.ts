import { AsyncLocalStorage } from 'node:async_hooks';

/** Structured JSON logs, one line each. Never log tokens or message text at info level. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
};

/**
 * The request a line belongs to. The server runs each request inside it, so every line logged
 * while handling it — including work done after Slack was acknowledged — carries its request id,
 * and the answer's verdict reaches the request's own line.
 */
export type RequestContext = { readonly requestId: string; verdict?: string };
export const requestContext = new AsyncLocalStorage<RequestContext>();

/** An answer was made: its verdict goes on the request's own line, and in an `answered` line now. */
export function logAnswer(logger: Logger, platform: string, verdict: string): void {
  const context = requestContext.getStore();
  if (context) context.verdict = verdict;
  logger.info('answered', { platform, verdict });
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A field longer than this is cut: an error that quotes what a user sent cannot flood the log. */
export const MAX_LOG_FIELD_CHARS = 300;
const clip = (value: unknown): unknown =>
  typeof value === 'string' && value.length > MAX_LOG_FIELD_CHARS
    ? `${value.slice(0, MAX_LOG_FIELD_CHARS)}… (${value.length} chars)`
    : value;
const clipFields = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, clip(v)]));

export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  now: () => Date = () => new Date(),
): Logger {
  const log =
    (at: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[at] < ORDER[level]) return;
      const requestId = requestContext.getStore()?.requestId;
      write(
        JSON.stringify({
          time: now().toISOString(),
          level: at,
          msg: clip(msg),
          ...(requestId ? { requestId } : {}),
          ...clipFields(fields),
        }),
      );
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that keeps lines in memory, for tests. */
export function createMemoryLogger(): Logger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return Object.assign(logger, { lines });
}
