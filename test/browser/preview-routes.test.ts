import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { ask } from '../../src/index.js';
import { INTEGRATIONS } from '../../src/server.js';
import { startBotServer } from '../support/bot-server.js';

const enabled = (env: NodeJS.ProcessEnv) => loadConfig(env, INTEGRATIONS).enabled.map((e) => e.integration.name);

describe('when the preview page is on', () => {
  it.each([
    [{ HOST: '127.0.0.1' }, true],
    [{ HOST: '::1' }, true],
    [{ HOST: 'localhost' }, true],
    [{}, false],
    [{ HOST: '0.0.0.0' }, false],
    [{ HOST: '0.0.0.0', PREVIEW: 'true' }, true],
    [{ HOST: '127.0.0.1', PREVIEW: 'false' }, false],
  ])('%j → on: %s', (env, on) => {
    expect(enabled(env).includes('Preview')).toBe(on);
  });

  it('a PREVIEW that is neither true nor false stops the start with the fix', () => {
    expect(() => loadConfig({ PREVIEW: 'yes' }, INTEGRATIONS)).toThrow(ConfigError);
    expect(() => loadConfig({ PREVIEW: 'yes' }, INTEGRATIONS)).toThrow(/PREVIEW.*use true or false/);
  });
});

describe('the preview routes over loopback HTTP', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });
  const start = async (env: NodeJS.ProcessEnv) => {
    const { server, base } = await startBotServer(env);
    close = () => server.close();
    return base;
  };
  const answer = (base: string, body: unknown, type = 'application/json') =>
    fetch(`${base}/preview/answer`, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });

  it('serves the page with a script-only-from-here policy, its script, styles and the card renderer', async () => {
    const base = await start({ HOST: '127.0.0.1' });
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/<script>(?!<)/); // no inline script
    for (const path of ['/preview/page.js', '/preview/page.css', '/preview/adaptivecards.js']) {
      expect((await fetch(`${base}${path}`)).status).toBe(200);
    }
  });

  it('answers a question the way the bots do, three ways', async () => {
    const base = await start({ HOST: '127.0.0.1' });
    const question = 'fine-tune a 7B model on our 8 A100s, data is 30 GB of text';
    const res = await answer(base, { question });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, { card?: unknown; collapsed?: unknown[] } & unknown>;
    expect(body.verdict).toBe(ask(question).verdict);
    expect(JSON.stringify(body.teams)).toContain('AdaptiveCard');
    expect(body.slack?.collapsed?.length).toBeLessThanOrEqual(10);
    expect(String(body.markdown)).toContain('spark-or-pytorch');
    expect(String(body.markdownHtml)).toMatch(/<\w+/);
  });

  it.each([
    ['an empty question', { question: '' }, /question|empty|describe/i],
    ['an unknown field', { question: 'x', admin: true }, /not a preview request/],
    [
      'an unknown follow-up',
      { question: 'x', context: ask('Spark or PyTorch?').facts, answers: { nope: 'x' } },
      /nope/,
    ],
  ])('refuses %s with 400 and a reason', async (_what, body, reason) => {
    const base = await start({ HOST: '127.0.0.1' });
    const res = await answer(base, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(reason);
  });

  it('refuses a body that is not JSON, and is not there at all when off', async () => {
    const base = await start({ HOST: '127.0.0.1' });
    expect((await answer(base, 'x', 'text/plain')).status).toBe(400);
    await close?.();
    const off = await start({ HOST: '127.0.0.1', PREVIEW: 'false' });
    expect((await fetch(`${off}/`)).status).toBe(404);
    expect((await answer(off, { question: 'x' })).status).toBe(404);
  });
});
