import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeFile = { filename: string; status: string; patch?: string; previous_filename?: string };
export type FakeComment = { id: number; body: string; user: { login: string } };
export type FakeReviewComment = FakeComment & { path: string; line: number; side: string; commit_id: string };
/**
 * What an injected fault does to a request: answer with a status (and headers), accept it and
 * never answer, drop the connection before doing anything, or do the work and drop the
 * connection instead of answering (the answer is lost, the write is not).
 */
export type Fault =
  | { kind: 'status'; status: number; message?: string; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'drop' }
  | { kind: 'lose-answer' };
export type Route = { method: string; path: RegExp };
export type FakeGitHub = {
  url: string;
  /** every request received, with when (ms since the epoch) */
  requests: { method: string; path: string; at: number }[];
  files: FakeFile[];
  comments: FakeComment[];
  reviewComments: FakeReviewComment[];
  contents: Record<string, string>;
  /** status to answer comment writes with (e.g. 403), or undefined to accept them */
  commentStatus: number | undefined;
  /** what GET /user answers: a login, or a status such as 403 for GITHUB_TOKEN */
  user: string | number;
  /** a real git repository (a directory) the git/trees, contents and GraphQL routes read from */
  git: string | undefined;
  /** answer recursive trees with `truncated: true` and only the first `n` entries */
  truncateTreeAt: number | undefined;
  /** what GET dependency-graph/sbom answers: package URLs, or a status (404: the graph is off) */
  dependencyGraph: string[] | number;
  /** GraphQL answers HTTP 200 with this error instead of data (GitHub's way of failing a query) */
  graphqlError: string | undefined;
  /** statuses to answer the next requests with, whatever they are (fault injection) */
  faults: number[];
  /** `fault` for the next `times` requests matching `route` (Infinity: all of them) */
  inject(route: Route, fault: Fault, times?: number): void;
  close(): Promise<void>;
};

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
}

/** A loopback stand-in for the handful of GitHub REST routes the Action uses. */
export async function startFakeGitHub(owner: string, repo: string): Promise<FakeGitHub> {
  let nextId = 1000;
  const injected: { route: Route; fault: Fault; left: number }[] = [];
  const state: Omit<FakeGitHub, 'url' | 'close' | 'inject'> = {
    requests: [],
    files: [],
    comments: [],
    reviewComments: [],
    contents: {},
    commentStatus: undefined,
    user: 403,
    faults: [],
    git: undefined,
    truncateTreeAt: undefined,
    dependencyGraph: 404,
    graphqlError: undefined,
  };
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', state.git ?? '.', ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  /** the text of `path` at `ref`, or undefined when the commit has no such file */
  const show = (ref: string, path: string) => {
    if (!state.git) return undefined;
    try {
      return git('show', `${ref}:${path}`);
    } catch {
      return undefined;
    }
  };
  const base = `/repos/${owner}/${repo}`;

  async function answer(req: IncomingMessage, url: URL): Promise<Answer> {
    const path = url.pathname;
    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Number(url.searchParams.get('per_page') ?? '30');
    if (req.method === 'GET' && path === '/user') {
      return typeof state.user === 'string'
        ? { status: 200, body: { login: state.user } }
        : { status: state.user, body: { message: 'Resource not accessible by integration' } };
    }
    if (req.method === 'GET' && /\/pulls\/\d+\/files$/.test(path) && path.startsWith(base)) {
      return { status: 200, body: state.files.slice((page - 1) * perPage, page * perPage) };
    }
    if (req.method === 'GET' && path.startsWith(`${base}/git/trees/`) && state.git) {
      const sha = decodeURIComponent(path.slice(`${base}/git/trees/`.length));
      let listing: string;
      try {
        listing = git('ls-tree', '-r', '-t', '-l', '--full-tree', sha);
      } catch {
        return { status: 404, body: { message: 'Not Found' } };
      }
      // `<mode> <type> <sha> <size>\t<path>`, the shape GitHub answers with
      const tree = listing
        .split('\n')
        .filter(Boolean)
        .map((row) => {
          const [meta = '', file = ''] = row.split('\t');
          const [mode, type, objectSha, size] = meta.split(/\s+/);
          const entry = { path: file, mode, type, sha: objectSha, url: `${base}/git/${type}s/${objectSha}` };
          return type === 'blob' ? { ...entry, size: Number(size) } : entry;
        });
      const cut = state.truncateTreeAt;
      return {
        status: 200,
        body: {
          sha,
          url: `${base}/git/trees/${sha}`,
          tree: cut === undefined ? tree : tree.slice(0, cut),
          truncated: cut !== undefined,
        },
      };
    }
    if (req.method === 'GET' && path === `${base}/dependency-graph/sbom`) {
      if (typeof state.dependencyGraph === 'number')
        return {
          status: state.dependencyGraph,
          body: { message: 'Dependency graph is not enabled for this repository' },
        };
      return {
        status: 200,
        body: {
          sbom: {
            SPDXID: 'SPDXRef-DOCUMENT',
            spdxVersion: 'SPDX-2.3',
            packages: state.dependencyGraph.map((purl, i) => ({
              SPDXID: `SPDXRef-${i}`,
              name: purl.replace(/^pkg:[^/]+\//, '').replace(/@.*$/, ''),
              externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceLocator: purl, referenceType: 'purl' }],
            })),
          },
        },
      };
    }
    if (req.method === 'POST' && path === '/graphql') {
      const { query, variables } = (await readBody(req)) as { query?: string; variables?: Record<string, string> };
      if (state.graphqlError)
        return { status: 200, body: { data: null, errors: [{ type: 'INTERNAL', message: state.graphqlError }] } };
      if (variables?.owner !== owner || variables?.name !== repo)
        return {
          status: 200,
          body: { data: { repository: null }, errors: [{ type: 'NOT_FOUND', message: 'no such repository' }] },
        };
      const repository: Record<string, unknown> = {};
      for (const m of String(query).matchAll(/(\w+)\s*:\s*object\(expression:\s*("(?:[^"\\]|\\.)*")\)/g)) {
        const expression = JSON.parse(m[2] as string) as string;
        const at = expression.indexOf(':');
        const text = show(expression.slice(0, at), expression.slice(at + 1));
        repository[m[1] as string] =
          text === undefined ? null : { text, isBinary: false, isTruncated: false, byteSize: Buffer.byteLength(text) };
      }
      return { status: 200, body: { data: { repository } } };
    }
    if (req.method === 'GET' && path.startsWith(`${base}/contents/`)) {
      const file = decodeURIComponent(path.slice(`${base}/contents/`.length));
      const ref = url.searchParams.get('ref') ?? '';
      const text = state.contents[`${file}@${ref}`] ?? state.contents[file] ?? show(ref, file);
      if (text === undefined) return { status: 404, body: { message: 'Not Found' } };
      const size = Buffer.byteLength(text);
      // GitHub's contents API leaves the content out of files over 1 MB
      if (size > 1024 * 1024)
        return { status: 200, body: { type: 'file', encoding: 'none', content: '', size, path: file } };
      return {
        status: 200,
        body: { type: 'file', encoding: 'base64', content: Buffer.from(text).toString('base64'), size, path: file },
      };
    }
    if (/\/issues\/\d+\/comments$/.test(path)) {
      if (req.method === 'GET')
        return { status: 200, body: state.comments.slice((page - 1) * perPage, page * perPage) };
      if (req.method === 'POST') {
        if (state.commentStatus)
          return { status: state.commentStatus, body: { message: 'Resource not accessible by integration' } };
        const { body } = await readBody(req);
        const comment = {
          id: nextId++,
          body: String(body),
          user: { login: typeof state.user === 'string' ? state.user : 'github-actions[bot]' },
        };
        state.comments.push(comment);
        return { status: 201, body: comment };
      }
    }
    if (/\/pulls\/\d+\/comments$/.test(path) && path.startsWith(base)) {
      if (req.method === 'GET')
        return { status: 200, body: state.reviewComments.slice((page - 1) * perPage, page * perPage) };
      if (req.method === 'POST') {
        const b = (await readBody(req)) as {
          body?: string;
          commit_id?: string;
          path?: string;
          line?: number;
          side?: string;
        };
        // GitHub refuses a line that is not part of the diff; added lines are what we comment on
        const file = state.files.find((f) => f.filename === b.path);
        const addedLines = new Set<number>();
        let next = 0;
        for (const l of (file?.patch ?? '').split('\n')) {
          const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(l);
          if (hunk) next = Number(hunk[1]);
          else if (l.startsWith('+')) addedLines.add(next++);
          else if (!l.startsWith('-')) next++;
        }
        if (!b.body || !b.commit_id || b.side !== 'RIGHT' || typeof b.line !== 'number' || !addedLines.has(b.line))
          return {
            status: 422,
            body: {
              message: 'Validation Failed',
              errors: ['pull_request_review_thread.line must be part of the diff'],
            },
          };
        const comment = {
          id: nextId++,
          body: b.body,
          path: b.path ?? '',
          line: b.line,
          side: b.side,
          commit_id: b.commit_id,
          user: { login: typeof state.user === 'string' ? state.user : 'github-actions[bot]' },
        };
        state.reviewComments.push(comment);
        return { status: 201, body: comment };
      }
    }
    const reviewCommentMatch = /\/pulls\/comments\/(\d+)$/.exec(path);
    if (reviewCommentMatch) {
      const id = Number(reviewCommentMatch[1]);
      const comment = state.reviewComments.find((c) => c.id === id);
      if (!comment) return { status: 404, body: { message: 'Not Found' } };
      if (req.method === 'PATCH') {
        comment.body = String((await readBody(req)).body);
        return { status: 200, body: comment };
      }
      if (req.method === 'DELETE') {
        state.reviewComments = state.reviewComments.filter((c) => c.id !== id);
        return { status: 204 };
      }
    }
    const commentMatch = /\/issues\/comments\/(\d+)$/.exec(path);
    if (commentMatch) {
      const id = Number(commentMatch[1]);
      const comment = state.comments.find((c) => c.id === id);
      if (!comment) return { status: 404, body: { message: 'Not Found' } };
      if (state.commentStatus)
        return { status: state.commentStatus, body: { message: 'Resource not accessible by integration' } };
      if (req.method === 'PATCH') {
        comment.body = String((await readBody(req)).body);
        return { status: 200, body: comment };
      }
      if (req.method === 'DELETE') {
        state.comments = state.comments.filter((c) => c.id !== id);
        return { status: 204 };
      }
    }
    return { status: 404, body: { message: `no fake route for ${req.method} ${path}` } };
  }

  function faultFor(method: string, path: string): Fault | undefined {
    const status = state.faults.shift();
    if (status) return { kind: 'status', status };
    const hit = injected.find((f) => f.left > 0 && f.route.method === method && f.route.path.test(path));
    if (!hit) return undefined;
    hit.left--;
    return hit.fault;
  }

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? '';
    state.requests.push({ method, path: `${url.pathname}${url.search}`, at: Date.now() });
    const fault = faultFor(method, url.pathname);
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'drop') return void req.socket.destroy();
    const { status, body, headers } =
      fault?.kind === 'status'
        ? {
            status: fault.status,
            body: { message: fault.message ?? `injected ${fault.status}` },
            headers: fault.headers,
          }
        : await answer(req, url);
    if (fault?.kind === 'lose-answer') return void req.socket.destroy();
    if (body === undefined) return void res.writeHead(status, headers).end();
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    inject(route: Route, fault: Fault, times = 1) {
      injected.push({ route, fault, left: times });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // requests left hanging would hold the server open
        server.closeAllConnections();
      }),
  });
}
