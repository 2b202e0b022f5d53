import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { INTEGRATIONS } from '../../src/server.js';

describe('configuration', () => {
  it('with nothing configured every integration is off and says how to turn it on', () => {
    const config = loadConfig({}, INTEGRATIONS);
    expect(config.enabled).toEqual([]);
    expect(config.off.map((o) => o.name)).toEqual(['Slack', 'Teams']);
    expect(config.off[0]?.reason).toContain('SLACK_BOT_TOKEN');
  });

  it('names every problem and its fix at once', () => {
    let error: unknown;
    try {
      loadConfig(
        { PORT: 'eighty', LOG_LEVEL: 'loud', SLACK_BOT_TOKEN: 'not-a-token', REDIS_URL: 'http://x' },
        INTEGRATIONS,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const part of [
      'PORT',
      'LOG_LEVEL',
      'REDIS_URL',
      'Slack SLACK_BOT_TOKEN',
      'xoxb-',
      'Slack SLACK_SIGNING_SECRET',
      'Signing Secret',
    ]) {
      expect(message).toContain(part);
    }
  });
});
