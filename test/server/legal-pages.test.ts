/** GET /privacy and GET /terms over real HTTP on loopback: the pages the Teams manifest links to. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LEGAL_DIR, legalPageRoutes } from '../../src/http/legal-pages.js';
import { createLogger } from '../../src/logger.js';
import { type BotServer, startServer } from '../../src/server.js';

describe('the bot server serves /privacy and /terms', () => {
  let server: BotServer;
  let base = '';

  beforeAll(async () => {
    server = await startServer({ env: { HOST: '127.0.0.1' }, port: 0, logger: createLogger('error') });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => server?.close());

  it.each([
    ['/privacy', 'Privacy statement', 'message.channels'],
    ['/terms', 'Terms of use', 'MIT licence'],
  ])('%s is an HTML page with the text of legal/', async (path, title, phrase) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain(`<title>${title} — Spark or PyTorch?</title>`);
    expect(html).toContain(phrase);
    expect(html).not.toMatch(/<script/i);
  });

  it('answers 405 to another method', async () => {
    const response = await fetch(`${base}/privacy`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
  });
});

describe('the legal text is replaceable', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'legal-'));
    writeFileSync(join(dir, 'privacy.md'), 'Acme keeps nothing. <b>bold</b> & "quoted"\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function serve(path: string) {
    const route = legalPageRoutes(dir).find((r) => r.path === path);
    let status = 0;
    let body = '';
    const res = {
      writeHead(code: number) {
        status = code;
        return res;
      },
      end(text: string) {
        body = text;
      },
    };
    await route?.handle({} as never, res as never);
    return { status, body };
  }

  it('serves another text, escaped', async () => {
    const { status, body } = await serve('/privacy');
    expect(status).toBe(200);
    expect(body).toContain('Acme keeps nothing. &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;');
  });

  it('a missing file is a 404 that names the file to add', async () => {
    const { status, body } = await serve('/terms');
    expect(status).toBe(404);
    expect(JSON.parse(body).error).toBe('no terms of use: add legal/terms.md');
  });

  it('finds legal/ at the package root', () => {
    expect(DEFAULT_LEGAL_DIR).toMatch(/[/\\]legal$/);
  });
});
