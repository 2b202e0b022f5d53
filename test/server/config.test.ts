import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { INTEGRATIONS } from '../../src/server.js';

describe('configuration', () => {
  it('with nothing configured every integration is off and says how to turn it on', () => {
    const config = loadConfig({}, INTEGRATIONS);
    expect(config.enabled).toEqual([]);
    expect(config.off.map((o) => o.name)).toEqual(['Slack', 'Teams', 'Preview']);
    expect(config.off[0]?.reason).toContain('SLACK_BOT_TOKEN');
  });

  it('names every problem and its fix at once', () => {
    let error: unknown;
    try {
      loadConfig(
        {
          PORT: 'eighty',
          HOST: 'everywhere',
          LOG_LEVEL: 'loud',
          SLACK_BOT_TOKEN: 'not-a-token',
          REDIS_URL: 'http://x',
        },
        INTEGRATIONS,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const part of [
      'PORT',
      'HOST',
      '127.0.0.1',
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

  it('HOST chooses the listening address', async () => {
    const { startServer } = await import('../../src/server.js');
    const { createMemoryLogger } = await import('../../src/logger.js');
    const server = await startServer({ env: { HOST: '127.0.0.1' }, logger: createMemoryLogger(), port: 0 });
    expect((server.server.address() as AddressInfo).address).toBe('127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(res.status).toBe(200);
    await server.close();
  });
});
