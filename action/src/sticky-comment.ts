import { COMMENT_MARKER } from '../../src/render/markdown-review.js';
import type { GitHubApi } from './github-api.js';

/** Who posts when the token cannot say who it is: the built-in GITHUB_TOKEN's identity. */
export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';

export type StickyResult = {
  readonly id: number | undefined;
  readonly action: 'created' | 'updated' | 'unchanged' | 'none';
};

/**
 * One comment per pull request, found by the hidden marker AND authored by the token's own
 * identity (so nobody can hijack it by pasting the marker). Updated in place, never duplicated;
 * duplicates left by concurrent runs are deleted; an unchanged body is not written.
 * With `body` undefined, only an existing comment is updated (to `whenGone`).
 */
export async function upsertStickyComment(
  api: GitHubApi,
  issue: number,
  body: string | undefined,
  whenGone: string,
): Promise<StickyResult> {
  const login = (await api.getOwnLogin()) ?? DEFAULT_BOT_LOGIN;
  const ours = (await api.listIssueComments(issue)).filter(
    (c) => c.user?.login === login && (c.body ?? '').startsWith(COMMENT_MARKER),
  );
  const [first, ...duplicates] = ours;
  for (const d of duplicates) await api.deleteIssueComment(d.id);
  const next = body ?? (first ? whenGone : undefined);
  if (next === undefined) return { id: undefined, action: 'none' };
  if (!first) return { id: await api.createIssueComment(issue, next), action: 'created' };
  if ((first.body ?? '') === next) return { id: first.id, action: 'unchanged' };
  await api.updateIssueComment(first.id, next);
  return { id: first.id, action: 'updated' };
}
