import { COMMENT_MARKER } from '../../src/render/markdown-review.js';
import { type GitHubApi, isTransient } from './github-api.js';

/** Who posts when the token cannot say who it is: the built-in GITHUB_TOKEN's identity. */
export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';

export type StickyResult = {
  readonly id: number | undefined;
  readonly action: 'created' | 'updated' | 'unchanged' | 'none';
};

/**
 * How the comment POST is sent again after a 5xx, a timeout or a dropped connection. It is not
 * resent blindly (the first one may have landed and only its answer been lost): the comments are
 * read again first.
 */
export type Resend = {
  /** sends of the POST, the first included */
  readonly attempts: number;
  /** waits after the `sent`-th send failed */
  readonly pause: (sent: number) => Promise<void>;
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
  resend: Resend,
): Promise<StickyResult> {
  const login = (await api.getOwnLogin()) ?? DEFAULT_BOT_LOGIN;
  for (let sent = 0; ; ) {
    const ours = (await api.listIssueComments(issue)).filter(
      (c) => c.user?.login === login && (c.body ?? '').startsWith(COMMENT_MARKER),
    );
    const [first, ...duplicates] = ours;
    for (const d of duplicates) await api.deleteIssueComment(d.id);
    const next = body ?? (first ? whenGone : undefined);
    if (next === undefined) return { id: undefined, action: 'none' };
    if (first) {
      // after a failed POST, an identical comment of ours is that POST having landed
      if ((first.body ?? '') === next) return { id: first.id, action: sent > 0 ? 'created' : 'unchanged' };
      await api.updateIssueComment(first.id, next);
      return { id: first.id, action: 'updated' };
    }
    try {
      return { id: await api.createIssueComment(issue, next), action: 'created' };
    } catch (error) {
      sent++;
      if (!isTransient(error) || sent >= resend.attempts) throw error;
      await resend.pause(sent);
    }
  }
}
