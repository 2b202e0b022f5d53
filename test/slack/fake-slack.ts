import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fault that drops the connection instead of answering. */
export const DROP = 1;

export type SlackCall = { method: string; body: Record<string, unknown> };
export type FakeSlack = {
  url: string;
  calls: SlackCall[];
  responses: Record<string, unknown>[];
  /** statuses for the next chat.postMessage calls (429 carries Retry-After: 1; DROP drops the connection) */
  faults: number[];
  close(): Promise<void>;
};

/** A loopback Slack Web API (and response_url endpoint) that records every call. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const responses: Record<string, unknown>[] = [];
  const faults: number[] = [];
  let ts = 1700000000;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const type = req.headers['content-type'] ?? '';
    const body: Record<string, unknown> = type.includes('json')
      ? (JSON.parse(raw || '{}') as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(raw));
    for (const [k, v] of Object.entries(body)) {
      if (typeof v === 'string' && (k === 'blocks' || k === 'view')) body[k] = JSON.parse(v);
    }
    const path = req.url ?? '';
    res.setHeader('content-type', 'application/json');
    if (path.startsWith('/response/')) {
      responses.push(body);
      return res.end('{"ok":true}');
    }
    const method = path.replace(/^\/api\//, '');
    calls.push({ method, body });
    const fault = method === 'chat.postMessage' ? faults.shift() : undefined;
    if (fault === DROP) {
      req.socket.destroy(); // the connection drops mid-request
      return;
    }
    if (fault) {
      res.writeHead(fault, fault === 429 ? { 'retry-after': '1' } : {});
      return res.end(JSON.stringify({ ok: false, error: fault === 429 ? 'ratelimited' : 'internal_error' }));
    }
    if (method === 'auth.test')
      return res.end(
        JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'spark-or-pytorch' }),
      );
    if (method === 'chat.postMessage')
      return res.end(JSON.stringify({ ok: true, channel: body.channel, ts: `${ts++}.000100` }));
    return res.end(JSON.stringify({ ok: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    responses,
    faults,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Waits (bounded) until `check` holds, for work Slack apps do after acknowledging. */
export async function eventually<T>(check: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting for the expected Slack call');
    await new Promise((r) => setTimeout(r, 20));
  }
}
