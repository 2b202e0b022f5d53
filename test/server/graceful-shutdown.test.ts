import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { spawnServer } from './spawn-server.js';

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, finishes the request in flight, and exits 0', async () => {
    // a slow Teams connector keeps one request in flight while the signal arrives
    const connector = createServer(async (req, res) => {
      for await (const _ of req) {
        // drain
      }
      await new Promise((r) => setTimeout(r, 700));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"r1"}');
    });
    await new Promise<void>((r) => connector.listen(0, '127.0.0.1', r));
    const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;

    const server = await spawnServer({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
    const { port } = server;
    const inFlight = fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'a1',
        channelId: 'msteams',
        serviceUrl,
        from: { id: '29:u' },
        recipient: { id: '28:b' },
        conversation: { id: 'a:1' },
        text: 'we have 2 GB of CSVs',
      }),
    });
    await new Promise((r) => setTimeout(r, 250));
    server.child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    expect(await server.exited).toBe(0);
    await new Promise<void>((r) => connector.close(() => r()));
  });
});
