import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfigText } from '../../action/src/load-config.js';
import { RepoConfigSchema } from '../../src/core/review/config.js';
import { DEFAULT_CONFIG } from '../../src/core/review/default-config.js';
import type { FakeGitHub } from './fake-github.js';
import { runBundle, startPullRequestGitHub } from './run-bundle.js';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startPullRequestGitHub();
});
afterEach(async () => {
  await gh.close();
});
const CONFIG = '.github/spark-or-pytorch.yml';
const annotation = (text: string) =>
  new RegExp(`::error title=spark-or-pytorch configuration,file=\\.github/spark-or-pytorch\\.yml::${text}`);

describe('bounded configuration and comments', () => {
  it.each([
    ['over 1 MB', `context: ${'x'.repeat(1_600_000)}\n`, 'is 1\\.5 MB; the limit is 1 MB'],
    [
      '100,000 keys',
      Array.from({ length: 100_000 }, (_, i) => `k${i}: v`).join('\n'),
      'has 100000 lines; the limit is 2000',
    ],
  ])('a configuration %s is an annotation, not silence, and the review still runs', async (_what, text, message) => {
    gh.contents[CONFIG] = text;
    const run = await runBundle(gh);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(annotation(message));
    expect(gh.comments).toHaveLength(1);
  });

  it('the default configuration is what the schema gives for an empty file', () => {
    expect(DEFAULT_CONFIG).toEqual(RepoConfigSchema.parse({}));
  });

  it('readConfigText reads a real configuration and names every problem', async () => {
    expect(await readConfigText('context: 40 TB in Hive\npolicy: { approved: [spark] }\n')).toMatchObject({
      config: { context: '40 TB in Hive', policy: { approved: ['spark'] } },
      problems: [],
    });
    expect((await readConfigText('ignore: 3\nnope: 1\n')).problems).toHaveLength(2);
    expect((await readConfigText('a: [\n')).problems[0]).toMatch(/^not valid YAML/);
  });

  it('finds its sticky comment on a pull request with more than 1,000 comments instead of posting a duplicate', async () => {
    gh.comments = Array.from({ length: 1_050 }, (_, i) => ({
      id: i + 1,
      body: `comment ${i}`,
      user: { login: 'someone' },
    }));
    gh.comments.push({
      id: 5000,
      body: '<!-- spark-or-pytorch:review -->\nold',
      user: { login: 'github-actions[bot]' },
    });
    const run = await runBundle(gh);
    expect(run.code, run.stdout).toBe(0);
    expect(gh.comments.filter((c) => c.body.startsWith('<!-- spark-or-pytorch'))).toHaveLength(1);
    expect(gh.comments.at(-1)?.body).toContain('This pull request adds **Apache Spark**');
    expect(run.outputs['comment-id']).toBe('5000');
  });
});
