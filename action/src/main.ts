/** The Action's entry: reads the runner's environment, wires GitHub and the runner in, one error exit. */
import * as core from '@actions/core';
import * as github from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { createOctokitApi } from './octokit-api.js';
import { runAction } from './run-action.js';

type Pull = {
  number: number;
  title?: string;
  body?: string | null;
  base: { sha: string };
  head: { sha: string };
  changed_files?: number;
};

async function main(): Promise<void> {
  const pull = github.context.payload.pull_request as Pull | undefined;
  if (!pull) {
    core.info(`spark-or-pytorch reviews pull requests; event "${github.context.eventName}" has none, nothing to do.`);
    return;
  }
  const failOn = core.getInput('fail-on') || 'never';
  if (failOn !== 'never' && failOn !== 'consider-alternative') {
    throw new Error(`input fail-on must be "never" or "consider-alternative", got "${failOn}"`);
  }
  const token = core.getInput('github-token', { required: true });
  const octokit = github.getOctokit(
    token,
    {
      throttle: {
        onRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          core.warning(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${after} s`);
          return retryCount < 2;
        },
        onSecondaryRateLimit: (
          after: number,
          options: { method: string; url: string },
          _o: unknown,
          retryCount: number,
        ) => {
          core.warning(`GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${after} s`);
          return retryCount < 1;
        },
      },
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    },
    retry,
    throttling,
  );
  const { owner, repo } = github.context.repo;
  await runAction(
    createOctokitApi(octokit, owner, repo),
    {
      number: pull.number,
      title: pull.title ?? '',
      body: pull.body ?? '',
      baseSha: pull.base.sha,
      headSha: pull.head.sha,
      changedFiles: pull.changed_files ?? 0,
    },
    { configFile: core.getInput('config-file') || '.github/spark-or-pytorch.yml', failOn },
    {
      info: (m) => core.info(m),
      warning: (m) => core.warning(m),
      annotate: (m, file) => core.error(m, { file, title: 'spark-or-pytorch configuration' }),
      setFailed: (m) => core.setFailed(m),
      setOutput: (name, value) => core.setOutput(name, value),
      writeSummary: async (markdown) => {
        if (!process.env.GITHUB_STEP_SUMMARY) return;
        await core.summary.addRaw(markdown, true).write();
      },
    },
  );
}

main().catch((error: unknown) => {
  const status = (error as { status?: number }).status;
  const message = error instanceof Error ? error.message : String(error);
  core.setFailed(status ? `GitHub answered ${status}: ${message}` : `spark-or-pytorch failed: ${message}`);
});
