/**
 * Library `review(diff, options?)`: what the GitHub Action does to a pull request, on a unified
 * diff or `git format-patch` output. Synchronous; the bundled knowledge unless one is passed.
 */
import picomatch from 'picomatch';
import { type KnowledgeBase, parseDiff } from './core/index.js';
import { DEFAULT_CONFIG, type RepoConfig } from './core/review/config.js';
import { reviewChanges } from './core/review/review-changes.js';
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
  readonly prTitle?: string;
  readonly prBody?: string;
  readonly markdown?: MarkdownContext;
};

export function review(diff: string, options: ReviewOptions = {}): Review {
  if (diff.length > MAX_DIFF_CHARS)
    throw new InputError(`the diff is ${Math.round(diff.length / 1048576)} MiB; the limit is 64 MiB`);
  if (diff.includes('\u0000'))
    throw new InputError('the diff contains NUL bytes: pass a text diff (git diff / git format-patch)');
  const kb = options.knowledge ?? bundledKnowledge();
  const config = options.config ?? DEFAULT_CONFIG;
  const ignored = config.ignore.length > 0 ? picomatch(config.ignore, { dot: true }) : () => false;
  const all = parseDiff(diff);
  const files = all.filter((f) => !ignored(f.path));
  const skipped = all.filter((f) => ignored(f.path)).map((f) => ({ file: f.path, reason: 'ignored by configuration' }));
  const result = reviewChanges(kb, {
    files,
    config,
    ...(options.baseFiles ? { baseFiles: options.baseFiles } : {}),
    ...(options.prTitle !== undefined ? { prTitle: options.prTitle } : {}),
    ...(options.prBody !== undefined ? { prBody: options.prBody } : {}),
  });
  const withSkipped = { ...result, skipped };
  return { ...withSkipped, markdown: renderReviewMarkdown(withSkipped, options.markdown) };
}
