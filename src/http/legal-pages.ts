/**
 * GET /privacy and GET /terms: the privacy statement and terms of use that the Teams app manifest
 * links to, from `legal/privacy.md` and `legal/terms.md` (replace them with your organisation's
 * text). Served as a plain HTML page around the escaped text; read once when the server starts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route } from './integration.js';

const PAGES = [
  { path: '/privacy', file: 'privacy.md', title: 'Privacy statement' },
  { path: '/terms', file: 'terms.md', title: 'Terms of use' },
] as const;

/** The package root (the nearest folder above this module holding package.json): src/ and dist/src/ alike. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const DEFAULT_LEGAL_DIR = join(packageRoot(), 'legal');

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function page(title: string, text: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} — Spark or PyTorch?</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;font:inherit}</style>',
    `</head><body><pre>${escapeHtml(text)}</pre></body></html>`,
    '',
  ].join('\n');
}

/** The two routes; a missing file answers 404 naming the file, so the operator knows what to add. */
export function legalPageRoutes(dir: string = DEFAULT_LEGAL_DIR): Route[] {
  return PAGES.map(({ path, file, title }) => {
    const text = existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : undefined;
    const body = text === undefined ? undefined : page(title, text);
    return {
      method: 'GET',
      path,
      async handle(_req, res) {
        if (body === undefined) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: `no ${title.toLowerCase()}: add legal/${file}` }));
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
          'x-content-type-options': 'nosniff',
          'cache-control': 'public, max-age=3600',
        });
        res.end(body);
      },
    } satisfies Route;
  });
}
