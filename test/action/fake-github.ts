import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeFile = { filename: string; status: string; patch?: string; previous_filename?: string };
export type FakeComment = { id: number; body: string; user: { login: string } };
export type FakeGitHub = {
  url: string;
  requests: { method: string; path: string }[];
  files: FakeFile[];
  comments: FakeComment[];
  contents: Record<string, string>;
  /** status to answer comment writes with (e.g. 403), or undefined to accept them */
  commentStatus: number | undefined;
  /** what GET /user answers: a login, or a status such as 403 for GITHUB_TOKEN */
  user: string | number;
  /** statuses to answer the next requests with, whatever they are (fault injection) */
  faults: number[];
  close(): Promise<void>;
};

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
}

/** A loopback stand-in for the handful of GitHub REST routes the Action uses. */
export async function startFakeGitHub(owner: string, repo: string): Promise<FakeGitHub> {
  let nextId = 1000;
  const state: Omit<FakeGitHub, 'url' | 'close'> = {
    requests: [],
    files: [],
    comments: [],
    contents: {},
    commentStatus: undefined,
    user: 403,
    faults: [],
  };
  const base = `/repos/${owner}/${repo}`;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    state.requests.push({ method: req.method ?? '', path: `${path}${url.search}` });
    const fault = state.faults.shift();
    if (fault) return send(res, fault, { message: `injected ${fault}` });
    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Number(url.searchParams.get('per_page') ?? '30');
    if (req.method === 'GET' && path === '/user') {
      return typeof state.user === 'string'
        ? send(res, 200, { login: state.user })
        : send(res, state.user, { message: 'Resource not accessible by integration' });
    }
    if (req.method === 'GET' && /\/pulls\/\d+\/files$/.test(path) && path.startsWith(base)) {
      return send(res, 200, state.files.slice((page - 1) * perPage, page * perPage));
    }
    if (req.method === 'GET' && path.startsWith(`${base}/contents/`)) {
      const file = decodeURIComponent(path.slice(`${base}/contents/`.length));
      const ref = url.searchParams.get('ref') ?? '';
      const text = state.contents[`${file}@${ref}`] ?? state.contents[file];
      if (text === undefined) return send(res, 404, { message: 'Not Found' });
      return send(res, 200, { type: 'file', encoding: 'base64', content: Buffer.from(text).toString('base64') });
    }
    if (/\/issues\/\d+\/comments$/.test(path)) {
      if (req.method === 'GET') return send(res, 200, state.comments.slice((page - 1) * perPage, page * perPage));
      if (req.method === 'POST') {
        if (state.commentStatus)
          return send(res, state.commentStatus, { message: 'Resource not accessible by integration' });
        const { body } = await readBody(req);
        const comment = {
          id: nextId++,
          body: String(body),
          user: { login: typeof state.user === 'string' ? state.user : 'github-actions[bot]' },
        };
        state.comments.push(comment);
        return send(res, 201, comment);
      }
    }
    const commentMatch = /\/issues\/comments\/(\d+)$/.exec(path);
    if (commentMatch) {
      const id = Number(commentMatch[1]);
      const comment = state.comments.find((c) => c.id === id);
      if (!comment) return send(res, 404, { message: 'Not Found' });
      if (state.commentStatus)
        return send(res, state.commentStatus, { message: 'Resource not accessible by integration' });
      if (req.method === 'PATCH') {
        comment.body = String((await readBody(req)).body);
        return send(res, 200, comment);
      }
      if (req.method === 'DELETE') {
        state.comments = state.comments.filter((c) => c.id !== id);
        res.writeHead(204).end();
        return;
      }
    }
    send(res, 404, { message: `no fake route for ${req.method} ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
