import { describe, expect, it } from 'vitest';
import { createLogger, MAX_LOG_FIELD_CHARS } from '../../src/logger.js';

describe('log lines', () => {
  it('stay one short JSON line when an error quotes 200,000 characters a user sent', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    const sent = 'x'.repeat(200_000);
    logger.error('follow-up failed', { error: `"${sent}" is not an answer`, user: 'U1', attempt: 2 });
    expect(lines).toHaveLength(1);
    const line = lines[0] as string;
    expect(line).not.toContain('\n');
    expect(line.length).toBeLessThan(MAX_LOG_FIELD_CHARS + 200);
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(parsed).toMatchObject({ level: 'error', msg: 'follow-up failed', user: 'U1', attempt: 2 });
    expect(String(parsed.error)).toMatch(/… \(200019 chars\)$/);
  });
});
