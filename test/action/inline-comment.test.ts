import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from './fake-github.js';
import { runBundle, SPARK_PATCH, startPullRequestGitHub } from './run-bundle.js';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startPullRequestGitHub();
});
afterEach(async () => {
  await gh.close();
});
const ours = () => gh.reviewComments.filter((c) => c.body.startsWith('<!-- spark-or-pytorch:inline:'));

describe('inline review comment (input inline)', () => {
  it('is off by default', async () => {
    await runBundle(gh);
    expect(gh.reviewComments).toHaveLength(0);
    expect(gh.requests.some((r) => r.path.includes('/pulls/7/comments'))).toBe(false);
  });

  it('comments once on the line that adds the framework, updates rather than duplicates, moves with the line, and goes with it', async () => {
    const first = await runBundle(gh, {}, { inline: 'true' });
    expect(first.code, first.stdout).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]).toMatchObject({ path: 'requirements.txt', line: 3, side: 'RIGHT' });
    expect(ours()[0]?.body).toContain('**Apache Spark** is added here');
    const id = ours()[0]?.id;

    await runBundle(gh, {}, { inline: 'true' }); // same push: nothing written
    expect(ours().map((c) => c.id)).toEqual([id]);

    gh.files[0] = { filename: 'requirements.txt', status: 'modified', patch: `${SPARK_PATCH}\n+numpy` };
    await runBundle(gh, { body: 'nightly batch over 40 TB in Hive' }, { inline: 'true' }); // same line, new text
    expect(ours().map((c) => c.id)).toEqual([id]);

    gh.files[0] = {
      filename: 'requirements.txt',
      status: 'modified',
      patch: '@@ -1,2 +1,3 @@\n pandas==2.2.2\n+pyspark==3.5.1\n requests>=2.31',
    };
    await runBundle(gh, {}, { inline: 'true' }); // the line moved: one comment, on line 2
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.line).toBe(2);

    gh.files = [{ filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }];
    await runBundle(gh, {}, { inline: 'true' }); // the line is gone: so is the comment
    expect(ours()).toHaveLength(0);
  });

  it("never touches someone else's comment that carries the marker", async () => {
    gh.reviewComments.push({
      id: 1,
      body: '<!-- spark-or-pytorch:inline:spark -->\nforged',
      path: 'requirements.txt',
      line: 3,
      side: 'RIGHT',
      commit_id: 'x',
      user: { login: 'mallory' },
    });
    await runBundle(gh, {}, { inline: 'true' });
    expect(gh.reviewComments.find((c) => c.id === 1)?.body).toContain('forged');
    expect(ours()).toHaveLength(2);
  });

  it('a bad value for inline fails with the reason', async () => {
    const run = await runBundle(gh, {}, { inline: 'yes' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('input inline must be "true" or "false", got "yes"');
  });
});
