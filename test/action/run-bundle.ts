import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import examples from '@octokit/webhooks-examples';
import { type FakeGitHub, startFakeGitHub } from './fake-github.js';

const BUNDLE = new URL('../../action/dist/index.js', import.meta.url).pathname;
export const OWNER = 'data-team';
export const REPO = 'pipelines';

type Example = { name: string; examples: { action?: string; pull_request?: Record<string, unknown> }[] };
export const opened = (examples as unknown as Example[])
  .find((e) => e.name === 'pull_request')
  ?.examples.find((e) => e.action === 'opened') as Record<string, unknown> & { pull_request: Record<string, unknown> };

export const SPARK_PATCH = '@@ -1,2 +1,3 @@\n pandas==2.2.2\n requests>=2.31\n+pyspark==3.5.1';
export const LOCAL_CODE = [
  '@@ -0,0 +1,4 @@',
  '+from pyspark.sql import SparkSession',
  '+spark = SparkSession.builder.master("local[*]").getOrCreate()',
  '+df = spark.read.csv("data/orders.csv").groupBy("day").count()',
  '+print(df.toPandas())',
].join('\n');

export type Run = { code: number; stdout: string; outputs: Record<string, string>; summary: string };

/** Runs the built bundle the way a runner would, against the loopback fake. */
export async function runBundle(
  gh: FakeGitHub,
  pr: { title?: string; body?: string; changedFiles?: number; baseSha?: string; headSha?: string } = {},
  inputs: Record<string, string> = {},
  extraEnv: Record<string, string> = {},
): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'sop-action-'));
  const event = structuredClone(opened);
  event.pull_request = {
    ...event.pull_request,
    number: 7,
    title: pr.title ?? 'Add a daily report',
    body: pr.body ?? '',
    changed_files: pr.changedFiles ?? gh.files.length,
  };
  const pull = event.pull_request as { base: Record<string, unknown>; head: Record<string, unknown> };
  if (pr.baseSha) pull.base = { ...pull.base, sha: pr.baseSha };
  if (pr.headSha) pull.head = { ...pull.head, sha: pr.headSha };
  writeFileSync(join(dir, 'event.json'), JSON.stringify(event));
  writeFileSync(join(dir, 'output'), '');
  writeFileSync(join(dir, 'summary'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: gh.url,
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    'INPUT_GITHUB-TOKEN': 'ghs_test_token_not_real',
    'INPUT_CONFIG-FILE': '.github/spark-or-pytorch.yml',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    // retries wait 50 ms, 200 ms instead of 1 s, 4 s: the tests count retries, not seconds
    SPARK_OR_PYTORCH_RETRY_BACKOFF_MS: '50',
    ...extraEnv,
  };
  const child = spawn(process.execPath, [BUNDLE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stdout += d;
  });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  const outputs: Record<string, string> = {};
  const raw = readFileSync(join(dir, 'output'), 'utf8');
  for (const m of raw.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1] as string] = m[3] as string;
  return { code, stdout, outputs, summary: readFileSync(join(dir, 'summary'), 'utf8') };
}

/** A loopback GitHub holding a pull request that adds PySpark and code running it in local mode. */
export async function startPullRequestGitHub(): Promise<FakeGitHub> {
  const gh = await startFakeGitHub(OWNER, REPO);
  gh.files = [
    { filename: 'requirements.txt', status: 'modified', patch: SPARK_PATCH },
    { filename: 'report/daily.py', status: 'added', patch: LOCAL_CODE },
  ];
  return gh;
}
