import type { Review } from '../../src/core/review/types.js';
import { codeSpan } from '../../src/render/markdown-escape.js';
import type { GitHubApi, NewReviewComment } from './github-api.js';
import { DEFAULT_BOT_LOGIN } from './sticky-comment.js';

const MARKER = (framework: string) => `<!-- spark-or-pytorch:inline:${framework} -->`;
const ANY_MARKER = /^<!-- spark-or-pytorch:inline:([\w-]+) -->/;
/** Ecosystems whose added line is a manifest line a reviewer can act on (not an import in code). */
const MANIFEST_ECOSYSTEMS = new Set([
  'pip',
  'pep621',
  'poetry',
  'pipfile',
  'setuptools',
  'conda',
  'maven',
  'gradle',
  'sbt',
  'docker',
]);

export type InlineResult = { created: number; updated: number; deleted: number; kept: number };

/** Where each added framework should be commented on: its first added manifest line. */
export function inlineTargets(review: Review, headSha: string): Map<string, NewReviewComment> {
  const out = new Map<string, NewReviewComment>();
  for (const framework of review.frameworksAdded) {
    const change = review.changes.find(
      (c) =>
        c.framework === framework && c.change === 'added' && c.via === 'direct' && MANIFEST_ECOSYSTEMS.has(c.ecosystem),
    );
    const assessment = review.assessments.find((a) => a.framework === framework);
    if (!change || !assessment) continue;
    const fit = {
      fits: '✅ fits what the code does',
      'consider-alternative': '⚠️ consider an alternative',
      unclear: '❓ unclear',
    }[assessment.fit];
    const body = [
      MARKER(framework),
      `**${assessment.name}** is added here (${codeSpan(change.package, 60)}, ${change.ecosystem}): ${fit}. See the review comment on this pull request for why.`,
    ].join('\n');
    out.set(framework, { body, path: change.file, line: change.line, commitId: headSha });
  }
  return out;
}

/**
 * One review comment per added framework on the manifest line that adds it: kept when nothing
 * changed, its text updated in place, moved (deleted and posted again) when the line moved, and
 * deleted when the framework is no longer added. Only our own comments (marker and author) are touched.
 */
export async function syncInlineComments(
  api: GitHubApi,
  pull: number,
  review: Review,
  headSha: string,
): Promise<InlineResult> {
  const login = (await api.getOwnLogin()) ?? DEFAULT_BOT_LOGIN;
  const targets = inlineTargets(review, headSha);
  const result: InlineResult = { created: 0, updated: 0, deleted: 0, kept: 0 };
  const seen = new Set<string>();
  for (const c of await api.listReviewComments(pull)) {
    const framework = ANY_MARKER.exec(c.body ?? '')?.[1];
    if (!framework || c.user?.login !== login) continue;
    const target = targets.get(framework);
    if (!target || seen.has(framework) || c.path !== target.path || c.line !== target.line) {
      await api.deleteReviewComment(c.id);
      result.deleted++;
      continue;
    }
    seen.add(framework);
    if (c.body === target.body) result.kept++;
    else {
      await api.updateReviewComment(c.id, target.body);
      result.updated++;
    }
  }
  for (const [framework, target] of targets) {
    if (seen.has(framework)) continue;
    await api.createReviewComment(pull, target);
    result.created++;
  }
  return result;
}
