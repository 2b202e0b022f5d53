/** The Action's entry: reads the runner's environment, wires GitHub and the runner in, one error exit. */
import { setTimeout as sleep } from 'node:timers/promises';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { defaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { boundedFetch } from './bounded-fetch.js';
import { describeFailure } from './describe-failure.js';
import { createOctokitApi } from './octokit-api.js';
import { createRateLimitHandler } from './rate-limit-handler.js';
import { DEFAULT_RETRY_POLICY, readRetryPolicy } from './retry-policy.js';
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
  const inline = core.getInput('inline') || 'false';
  if (!['true', 'false', 'True', 'False', 'TRUE', 'FALSE'].includes(inline)) {
    throw new Error(`input inline must be "true" or "false", got "${inline}"`);
  }
  const token = core.getInput('github-token', { required: true });
  const policy = readRetryPolicy(process.env);
  const octokit = github.getOctokit(
    token,
    {
      request: { ...defaults.request, fetch: boundedFetch(defaults.request?.fetch ?? fetch, policy.timeoutMs) },
      throttle: {
        onRateLimit: createRateLimitHandler('rate limit', 2, policy.maxRateLimitWaitS, core.warning),
        onSecondaryRateLimit: createRateLimitHandler('secondary rate limit', 1, policy.maxRateLimitWaitS, core.warning),
      },
      // 429 is the throttling plugin's: it waits as long as GitHub asks, plugin-retry would not
      retry: {
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
        retries: policy.attempts - 1,
        retryAfterBaseValue: policy.backoffMs,
      },
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
      repositoryUrl: `${github.context.serverUrl}/${owner}/${repo}`,
    },
    {
      configFile: core.getInput('config-file') || '.github/spark-or-pytorch.yml',
      failOn,
      inline: inline.toLowerCase() === 'true',
    },
    { attempts: policy.attempts, pause: (sent) => sleep(sent ** 2 * policy.backoffMs) },
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
  core.setFailed(describeFailure(error, DEFAULT_RETRY_POLICY.attempts));
});
