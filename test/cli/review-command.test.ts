import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { type GitRepo, makeGitRepo } from '../action/git-repo.js';
import { runCaptured } from './run-cli.js';

const run = (args: string[], stdin = '') => runCaptured(args, { stdin, readFile: (path) => readFile(path, 'utf8') });

let repo: GitRepo | undefined;
afterEach(() => repo?.remove());

describe('spark-or-pytorch review', () => {
  it.each([
    [
      'a README-only diff',
      'diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -1 +1 @@\n-old\n+new\n',
    ],
    [
      'a look-alike',
      'diff --git a/requirements.txt b/requirements.txt\n--- a/requirements.txt\n+++ b/requirements.txt\n@@ -1 +1,2 @@\n numpy\n+torchmetrics==1.4\n',
    ],
    ['plain text', 'just some words, not a diff\n'],
  ])('%s: one line, exit 0', async (_what, diff) => {
    const { code, out } = await run(['review'], diff);
    expect(code).toBe(0);
    expect(out).toBe('No Spark or PyTorch change in this diff.\n');
  });

  it('--repo reads the base checkout (manifests and imports): what it already has is not added', async () => {
    repo = makeGitRepo();
    repo.commit({ 'lib/model.py': 'import torch\n\nclass Net(torch.nn.Module):\n    pass\n' }, 'base');
    const diff =
      'diff --git a/requirements-gpu.txt b/requirements-gpu.txt\nnew file mode 100644\n--- /dev/null\n+++ b/requirements-gpu.txt\n@@ -0,0 +1 @@\n+torch==2.4.0\n';
    expect((await run(['review', '--json'], diff)).out).toContain('"frameworksAdded": [\n    "pytorch"');
    const { code, out, err } = await run(['review', '--json', '--repo', repo.dir], diff);
    expect(code).toBe(0);
    expect(JSON.parse(out).frameworksAdded).toEqual([]);
    expect(err).toBe('');
  });

  it("--repo warns when DIR looks like the pull request's head rather than its base", async () => {
    repo = makeGitRepo();
    const base = repo.commit({ 'requirements.txt': 'pandas==2.2.2\n' }, 'base');
    repo.commit({ 'requirements.txt': 'pandas==2.2.2\npyspark==3.5.1\n' }, 'head');
    const diff = execFileSync('git', ['-C', repo.dir, 'diff', base, 'HEAD'], { encoding: 'utf8' });
    const { code, err } = await run(['review', '--repo', repo.dir], diff);
    expect(code).toBe(0);
    expect(err).toContain("it looks like the pull request's head, not its base");
  });
});
