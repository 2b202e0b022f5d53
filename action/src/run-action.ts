// modules, not the library's index: the index builds the library's zod schemas, which a run
// needs only to check a repository's configuration (and then loads them, in load-config.ts)
import type { RepoConfig } from '../../src/core/review/config.js';
import { DEFAULT_CONFIG } from '../../src/core/review/default-config.js';
import type { Review } from '../../src/core/review/types.js';
import { bundledKnowledge } from '../../src/knowledge/load-knowledge.js';
import { COMMENT_MARKER } from '../../src/render/markdown-review.js';
import { review } from '../../src/review.js';
import { readBaseInventory } from './base-inventory.js';
import { buildDiff } from './build-diff.js';
import { FileTooLargeError, type GitHubApi, statusOf } from './github-api.js';
import { syncInlineComments } from './inline-comment.js';
import { readConfigText } from './load-config.js';
import { type Resend, upsertStickyComment } from './sticky-comment.js';

/** GitHub lists at most 3,000 files of a pull request. */
export const MAX_FILES = 3000;

export type PullRequestEvent = {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly baseSha: string;
  readonly headSha: string;
  readonly changedFiles: number;
  /** e.g. https://github.com/acme/pipelines: lines in the comment link to the head commit there */
  readonly repositoryUrl?: string;
};

export type ActionIo = {
  readonly info: (message: string) => void;
  readonly warning: (message: string) => void;
  /** an error annotation on a file */
  readonly annotate: (message: string, file: string) => void;
  readonly setFailed: (message: string) => void;
  readonly setOutput: (name: string, value: string) => void;
  readonly writeSummary: (markdown: string) => Promise<void>;
};

export type ActionInputs = {
  readonly configFile: string;
  readonly failOn: 'never' | 'consider-alternative';
  /** also a review comment on the manifest line that adds each framework */
  readonly inline?: boolean;
};

async function loadConfig(api: GitHubApi, io: ActionIo, path: string, ref: string): Promise<RepoConfig> {
  let text: string | undefined;
  try {
    text = await api.getFileText(path, ref);
  } catch (error) {
    if (!(error instanceof FileTooLargeError)) throw error;
    io.annotate(
      `is ${(error.bytes / 1048576).toFixed(1)} MB; the limit is 1 MB, so it was not read; using the defaults`,
      path,
    );
    return DEFAULT_CONFIG;
  }
  if (text === undefined) return DEFAULT_CONFIG;
  const { config, problems } = await readConfigText(text);
  for (const problem of problems) io.annotate(problem, path);
  return config;
}

function goneBody(): string {
  return [
    COMMENT_MARKER,
    '## Spark or PyTorch? — review of this pull request',
    '',
    'This pull request no longer adds, removes or bumps Spark or PyTorch, so there is nothing to review.',
  ].join('\n');
}

/** The whole Action, with GitHub and the runner passed in. Returns the review (or undefined). */
export async function runAction(
  api: GitHubApi,
  event: PullRequestEvent,
  inputs: ActionInputs,
  resend: Resend,
  io: ActionIo,
) {
  // the configuration comes from the base commit: a pull request cannot rewrite its own judge
  const config = await loadConfig(api, io, inputs.configFile, event.baseSha);
  const files = await api.listPullFiles(event.number, MAX_FILES);
  const diff = await buildDiff(api, files, event.baseSha, event.headSha);
  const kb = bundledKnowledge();
  const base = await readBaseInventory(api, kb, event.baseSha);
  io.info(`base inventory: ${base.inventory.size} framework(s) already declared, ${base.calls} API call(s)`);
  for (const note of base.notes) io.info(`note: ${note}`);
  const result: Review = review(diff, {
    knowledge: kb,
    config,
    inventory: base.inventory,
    notes: base.notes,
    prTitle: event.title,
    prBody: event.body,
    markdown: {
      filesTotal: event.changedFiles,
      filesRead: files.length,
      headSha: event.headSha,
      ...(event.repositoryUrl ? { repositoryUrl: event.repositoryUrl } : {}),
    },
  });
  const hasChange = result.changes.length > 0;

  let commentId = '';
  let undelivered: unknown; // the comment could not be posted: the summary and outputs still carry the review
  try {
    const sticky = await upsertStickyComment(
      api,
      event.number,
      hasChange ? result.markdown : undefined,
      goneBody(),
      resend,
    );
    commentId = sticky.id === undefined ? '' : String(sticky.id);
    io.info(`comment: ${sticky.action}${sticky.id ? ` (#${sticky.id})` : ''}`);
  } catch (error) {
    if (statusOf(error) !== 403) undelivered = error;
    else
      io.warning(
        'GitHub answered 403 when commenting: give the workflow `permissions: pull-requests: write`. ' +
          'Pull requests from forks get a read-only token — use the fork recipe in the README (pull_request uploads, workflow_run posts). ' +
          'The review is in the job summary.',
      );
  }

  const notes = base.notes.map((n) => `> ${n}`).join('\n');
  if (inputs.inline) {
    try {
      const inline = await syncInlineComments(api, event.number, result, event.headSha);
      io.info(
        `inline comments: ${inline.created} created, ${inline.updated} updated, ${inline.deleted} deleted, ${inline.kept} unchanged`,
      );
    } catch (error) {
      // the sticky comment and the summary carry the review; an inline comment is an extra
      io.warning(
        `GitHub answered ${statusOf(error) ?? 'with an error'} when writing the inline review comment; the review is in the pull request comment and the job summary.`,
      );
    }
  }

  await io.writeSummary(
    hasChange
      ? result.markdown
      : ['spark-or-pytorch: this pull request adds, removes or bumps no Spark or PyTorch.', notes]
          .filter(Boolean)
          .join('\n\n'),
  );
  const worst =
    result.assessments.find((a) => a.fit === 'consider-alternative') ??
    result.assessments.find((a) => a.fit === 'unclear') ??
    result.assessments[0];
  io.setOutput('frameworks-added', JSON.stringify(result.frameworksAdded));
  io.setOutput('frameworks-removed', JSON.stringify(result.frameworksRemoved));
  io.setOutput('verdict', worst?.verdict ?? '');
  io.setOutput('fit', worst?.fit ?? '');
  io.setOutput('comment-id', commentId);
  io.setOutput('report', hasChange ? result.markdown : '');
  if (undelivered !== undefined) {
    io.info('The review could not be posted as a comment; it is in the job summary and the `report` output.');
    throw undelivered;
  }
  if (inputs.failOn === 'consider-alternative' && result.assessments.some((a) => a.fit === 'consider-alternative')) {
    io.setFailed(
      'spark-or-pytorch: a framework this pull request adds does not fit what the code does (see the comment); fail-on is consider-alternative',
    );
  }
  return result;
}
