import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Integration, Route } from '../http/integration.js';
import { InputError } from '../input-error.js';
import { PREVIEW_CSS, PREVIEW_HTML } from './page.js';
import { PREVIEW_SCRIPT } from './page-script.js';
import { PreviewRequestSchema, previewAnswer } from './preview-answer.js';

const PreviewConfigSchema = z.object({ PREVIEW: z.enum(['true', 'false']).optional() });
type PreviewConfig = z.infer<typeof PreviewConfigSchema>;

/** Largest request the preview reads: a question, its facts and a diff. */
const BODY_LIMIT = 512 * 1024;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;
/** Scripts from this server only: nothing in an answer can run script on the page. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function reply(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}
const json = (res: ServerResponse, status: number, body: unknown) =>
  reply(res, status, 'application/json', JSON.stringify(body));

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').includes('application/json'))
    throw new InputError('send the preview request as JSON (Content-Type: application/json)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw new InputError('the preview request is larger than 512 KiB');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new InputError('the preview request is not valid JSON');
  }
}

/** A dev-only file (the card renderer, the Markdown renderer) when installed, else undefined. */
const require = createRequire(import.meta.url);
const devFile = (specifier: string) => {
  try {
    return readFile(require.resolve(specifier));
  } catch {
    return Promise.resolve(undefined);
  }
};

/** The PR comment's Markdown as GitHub would show it, when micromark is installed (it is a dev dependency). */
async function markdownHtml(markdown: string): Promise<string | undefined> {
  try {
    const [{ micromark }, { gfm, gfmHtml }] = await Promise.all([
      import('micromark'),
      import('micromark-extension-gfm'),
    ]);
    // the comment's own <details> and marker are HTML, as on GitHub; the page's CSP keeps any script inert
    return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  } catch {
    return undefined;
  }
}

function asset(path: string, type: string, load: () => Promise<string | Buffer | undefined>): Route {
  return {
    method: 'GET',
    path,
    async handle(_req, res) {
      const body = await load();
      if (body === undefined)
        return reply(res, 404, 'text/plain', `${path} needs the dev dependencies: run npm ci in a checkout`);
      const headers = path === '/' ? { 'content-security-policy': CSP } : {};
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    },
  };
}

/** The preview page at GET /: ask a question, see the Teams card, the Slack message and the PR comment. */
export const previewIntegration: Integration<PreviewConfig> = {
  name: 'Preview',
  offReason: (env) =>
    env.PREVIEW === 'false'
      ? 'PREVIEW=false'
      : env.PREVIEW !== undefined || LOOPBACK.test(env.HOST ?? '')
        ? undefined
        : 'it is on when the server listens on loopback (HOST=127.0.0.1) or with PREVIEW=true',
  configSchema: PreviewConfigSchema,
  fixes: { PREVIEW: 'use true or false' },
  async create() {
    const answer: Route = {
      method: 'POST',
      path: '/preview/answer',
      async handle(req, res) {
        try {
          const parsed = PreviewRequestSchema.safeParse(await readJson(req));
          if (!parsed.success)
            return json(res, 400, {
              error: `not a preview request: ${parsed.error.issues[0]?.message ?? 'bad shape'}`,
            });
          const result = previewAnswer(parsed.data);
          const html = result.markdown === undefined ? undefined : await markdownHtml(result.markdown);
          json(res, 200, { ...result, ...(html ? { markdownHtml: html } : {}) });
        } catch (error) {
          if (error instanceof InputError) return json(res, 400, { error: error.message });
          throw error;
        }
      },
    };
    return {
      routes: [
        asset('/', 'text/html; charset=utf-8', async () => PREVIEW_HTML),
        asset('/preview/page.js', 'text/javascript; charset=utf-8', async () => PREVIEW_SCRIPT),
        asset('/preview/page.css', 'text/css; charset=utf-8', async () => PREVIEW_CSS),
        asset('/preview/adaptivecards.js', 'text/javascript; charset=utf-8', () =>
          devFile('adaptivecards/dist/adaptivecards.min.js'),
        ),
        asset('/preview/adaptivecards.css', 'text/css; charset=utf-8', () =>
          devFile('adaptivecards/dist/adaptivecards.css'),
        ),
        answer,
      ],
      description: 'Preview: the answer page at / (no credentials; loopback or PREVIEW=true)',
    };
  },
};
