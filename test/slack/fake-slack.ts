import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A fault that drops the connection instead of answering. */
export const DROP = 1;
/** A fault that accepts the request and never answers (until the fake closes). */
export const HANG = 2;
/** A fault that posts the message, then drops the connection: the answer is lost on the way back. */
export const LOSE = 3;
/**
 * What the next calls meet: an HTTP status (429 carries Retry-After: 1), DROP, HANG, or a string —
 * a 200 with `{ ok: false, error }`, the way Slack refuses e.g. invalid_blocks.
 */
export type Fault = number | string;

export type SlackCall = { method: string; body: Record<string, unknown> };
export type PostedMessage = {
  channel: unknown;
  thread_ts: unknown;
  ts: string;
  metadata: unknown;
  text?: unknown;
  blocks?: unknown;
};
export type FakeSlack = {
  url: string;
  calls: SlackCall[];
  responses: Record<string, unknown>[];
  /** faults for the next chat.postMessage calls */
  faults: Fault[];
  /** faults for the next response_url posts */
  responseFaults: Fault[];
  /** response_url posts that reached the fake, delivered or not */
  responseAttempts: number;
  /** messages as the channel shows them now: posted by chat.postMessage, changed by chat.update */
  readonly messages: PostedMessage[];
  close(): Promise<void>;
};

/** A loopback Slack Web API (and response_url endpoint) that records every call. */
export async function startFakeSlack(options: { record?: boolean } = {}): Promise<FakeSlack> {
  const record = options.record ?? true; // a load bench turns it off: it is not the driver's memory we measure
  const calls: SlackCall[] = [];
  const responses: Record<string, unknown>[] = [];
  const faults: Fault[] = [];
  const responseFaults: Fault[] = [];
  const hung = new Set<Socket>();
  let responseAttempts = 0;
  const posted: PostedMessage[] = [];
  let ts = 1700000000;
  /** answers with the fault and returns true, or returns false when there is none */
  const inject = (fault: Fault | undefined, req: IncomingMessage, res: ServerResponse) => {
    if (fault === undefined) return false;
    if (fault === DROP)
      req.socket.destroy(); // the connection drops mid-request
    else if (fault === HANG) hung.add(req.socket);
    else if (typeof fault === 'string') res.end(JSON.stringify({ ok: false, error: fault }));
    else {
      res.writeHead(fault, fault === 429 ? { 'retry-after': '1' } : {});
      res.end(JSON.stringify({ ok: false, error: fault === 429 ? 'ratelimited' : 'internal_error' }));
    }
    return true;
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const type = req.headers['content-type'] ?? '';
    const body: Record<string, unknown> = type.includes('json')
      ? (JSON.parse(raw || '{}') as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(raw));
    for (const [k, v] of Object.entries(body)) {
      if (typeof v === 'string' && (k === 'blocks' || k === 'view' || k === 'metadata')) body[k] = JSON.parse(v);
    }
    const path = req.url ?? '';
    res.setHeader('content-type', 'application/json');
    if (path.startsWith('/response/')) {
      responseAttempts++;
      if (inject(responseFaults.shift(), req, res)) return;
      if (record) responses.push(body);
      return res.end('{"ok":true}');
    }
    const method = path.replace(/^\/api\//, '');
    if (record) calls.push({ method, body });
    const fault = method === 'chat.postMessage' ? faults.shift() : undefined;
    const post = () => {
      const message = {
        channel: body.channel,
        thread_ts: body.thread_ts,
        ts: `${ts++}.000100`,
        metadata: body.metadata,
        text: body.text,
        blocks: body.blocks,
      };
      if (record) posted.push(message);
      return message;
    };
    if (fault === LOSE) {
      post();
      req.socket.destroy();
      return;
    }
    if (inject(fault, req, res)) return;
    if (method === 'conversations.replies' || method === 'conversations.history') {
      const messages = posted.filter(
        (m) =>
          m.channel === body.channel && (method === 'conversations.history' ? !m.thread_ts : m.thread_ts === body.ts),
      );
      return res.end(JSON.stringify({ ok: true, messages }));
    }
    if (method === 'auth.test')
      return res.end(
        JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'spark-or-pytorch' }),
      );
    if (method === 'chat.postMessage')
      return res.end(JSON.stringify({ ok: true, channel: body.channel, ts: post().ts }));
    if (method === 'chat.update') {
      // Slack's answer to updating a message that is not there (or not the app's own)
      const message = posted.find((m) => m.channel === body.channel && m.ts === body.ts);
      if (!message) return res.end(JSON.stringify({ ok: false, error: 'message_not_found' }));
      message.text = body.text;
      message.blocks = body.blocks;
      return res.end(JSON.stringify({ ok: true, channel: body.channel, ts: body.ts, text: body.text }));
    }
    return res.end(JSON.stringify({ ok: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    responses,
    faults,
    responseFaults,
    get responseAttempts() {
      return responseAttempts;
    },
    messages: posted,
    close: () =>
      new Promise((r) => {
        for (const socket of hung) socket.destroy();
        server.close(() => r());
        server.closeAllConnections();
      }),
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
