import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createMemoryLogger } from '../../src/logger.js';
import { type BotServer, startServer } from '../../src/server.js';

let api: Server;
let wss: WebSocket.Server;
let bot: BotServer | undefined;

afterEach(async () => {
  await bot?.close();
  wss?.close();
  await new Promise<void>((r) => api.close(() => r()));
});

describe('Slack Socket Mode', () => {
  it('starts with SLACK_APP_TOKEN: asks apps.connections.open, then connects to the socket it is given', async () => {
    wss = new WebSocket.Server({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => wss.on('listening', () => r()));
    const wsUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
    const connected = new Promise<string>((resolve) => {
      wss.on('connection', (socket, req) => {
        socket.send(
          JSON.stringify({
            type: 'hello',
            num_connections: 1,
            connection_info: { app_id: 'A1' },
            debug_info: { host: 'test' },
          }),
        );
        resolve(req.url ?? '');
      });
    });
    const calls: string[] = [];
    api = createServer((req, res) => {
      calls.push(`${req.url} ${req.headers.authorization}`);
      res.setHeader('content-type', 'application/json');
      if (req.url?.includes('apps.connections.open')) return res.end(JSON.stringify({ ok: true, url: wsUrl }));
      res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT' }));
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/`;

    const logger = createMemoryLogger();
    bot = await startServer({
      env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: apiUrl },
      logger,
      port: 0,
    });
    expect(await connected).toBe('/link');
    expect(calls.some((c) => c.includes('apps.connections.open') && c.includes('Bearer xapp-test'))).toBe(true);
    expect(logger.lines.some((l) => l.msg === 'Slack: Socket Mode')).toBe(true);
    // no HTTP route for Slack in Socket Mode
    expect((await fetch(`http://127.0.0.1:${bot.port}/slack/events`, { method: 'POST' })).status).toBe(404);
  });
});
