/**
 * Library `review(diff, options?)`: what the GitHub Action does to a pull request, on a unified
 * diff or `git format-patch` output. Synchronous; the bundled knowledge unless one is passed.
 */
import picomatch from 'picomatch';
import type { KnowledgeBase } from './core/knowledge/knowledge-base.js';
import type { RepoConfig } from './core/review/config.js';
import { DEFAULT_CONFIG } from './core/review/default-config.js';
import type { Inventory } from './core/review/detect-changes.js';
import { type Keep, parseDiff } from './core/review/parse-diff.js';
import { fileKind } from './core/review/read-declarations.js';
import { CODE_FILE, reviewChanges } from './core/review/review-changes.js';
import type { Review } from './core/review/types.js';
import { InputError } from './input-error.js';
import { bundledKnowledge } from './knowledge/load-knowledge.js';
import { type MarkdownContext, renderReviewMarkdown } from './render/markdown-review.js';

/** A diff larger than this is refused rather than read for minutes. */
export const MAX_DIFF_CHARS = 64 * 1024 * 1024;

export type ReviewOptions = {
  readonly knowledge?: KnowledgeBase;
  readonly config?: RepoConfig;
  /** base contents of files (path → text): frameworks already used there are not "added" */
  readonly baseFiles?: Readonly<Record<string, string>>;
  /** what the base already declares, read another way (the Action's tree + blob inventory) */
  readonly inventory?: Inventory;
  /** what could not be read: shown in the comment, the review falls back to the diff alone */
  readonly notes?: readonly string[];
  readonly prTitle?: string;
  readonly prBody?: string;
  readonly markdown?: MarkdownContext;
};

/** Which lines of a file any reader wants: manifests with context, code changes, else nothing. */
function keepFor(ignored: (path: string) => boolean) {
  return (path: string): Keep => {
    if (ignored(path)) return 'none';
    const kind = fileKind(path);
    if (kind === 'notebook') return 'changes';
    if (kind !== 'ignored') return 'all';
    return CODE_FILE.test(path) ? 'changes' : 'none';
  };
}

export function review(diff: string, options: ReviewOptions = {}): Review {
  if (diff.length > MAX_DIFF_CHARS)
    throw new InputError(`the diff is ${Math.round(diff.length / 1048576)} MiB; the limit is 64 MiB`);
  if (diff.includes('\u0000'))
    throw new InputError('the diff contains NUL bytes: pass a text diff (git diff / git format-patch)');
  const kb = options.knowledge ?? bundledKnowledge();
  const config = options.config ?? DEFAULT_CONFIG;
  const ignored = config.ignore.length > 0 ? picomatch(config.ignore, { dot: true }) : () => false;
  const all = parseDiff(diff, { keep: keepFor(ignored) });
  const files = all.filter((f) => !ignored(f.path));
  const skipped = all.filter((f) => ignored(f.path)).map((f) => ({ file: f.path, reason: 'ignored by configuration' }));
  const result = reviewChanges(kb, {
    files,
    config,
    ...(options.baseFiles ? { baseFiles: options.baseFiles } : {}),
    ...(options.inventory ? { inventory: options.inventory } : {}),
    ...(options.prTitle !== undefined ? { prTitle: options.prTitle } : {}),
    ...(options.prBody !== undefined ? { prBody: options.prBody } : {}),
  });
  const withSkipped = { ...result, skipped, notes: [...(options.notes ?? [])] };
  return { ...withSkipped, markdown: renderReviewMarkdown(withSkipped, options.markdown) };
}
