import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeGitHub, startFakeGitHub } from './fake-github.js';
import { type GitRepo, makeGitRepo, pullFiles } from './git-repo.js';
import { OWNER, REPO, runBundle } from './run-bundle.js';

let gh: FakeGitHub;
let repo: GitRepo;
beforeEach(async () => {
  gh = await startFakeGitHub(OWNER, REPO);
  repo = makeGitRepo();
  gh.git = repo.dir;
});
afterEach(async () => {
  await gh.close();
  repo.remove();
});

/** Commits base and head in the real repository, points the fake's pull request at them, runs the bundle. */
async function review(base: Record<string, string>, head: Record<string, string | null>) {
  const baseSha = repo.commit(base, 'base');
  const headSha = repo.commit(head, 'head');
  gh.files = pullFiles(repo, baseSha, headSha);
  const run = await runBundle(gh, { baseSha, headSha });
  expect(run.code, run.stdout).toBe(0);
  const calls = (pattern: RegExp) => gh.requests.filter((r) => pattern.test(r.path)).length;
  return { ...run, baseSha, headSha, calls };
}

/** A library that has depended on PyTorch for years, in a sub-package, with a README. */
const TORCH_LIBRARY = {
  'README.md': '# lib\n',
  'pkg/pyproject.toml': '[project]\nname = "lib"\ndependencies = [\n  "numpy>=1.26",\n  "torch>=2.1",\n]\n',
  'pkg/lib/model.py': 'import torch\n\nclass Net(torch.nn.Module):\n    pass\n',
};
/** Splitting the requirements: a new file names torch again, new code imports it. */
const SPLIT = {
  'pkg/requirements-gpu.txt': 'torch==2.4.0+cu121\nnumpy\n',
  'pkg/train.py': 'import torch\nfrom lib.model import Net\nmodel = Net()\nloss.backward()\n',
};

describe('the Action reads what the base branch already declares', () => {
  it('a library that already depends on PyTorch is not told a split requirements file adds it', async () => {
    const run = await review(TORCH_LIBRARY, SPLIT);
    expect(run.outputs['frameworks-added']).toBe('[]');
    expect(gh.comments).toHaveLength(0);
    expect(run.summary).toContain('adds, removes or bumps no Spark or PyTorch');
    expect(run.calls(/\/git\/trees\/[0-9a-f]{40}\?recursive=1$/)).toBe(1);
    expect(run.calls(/^\/graphql$/)).toBe(1);
    expect(run.calls(/dependency-graph/)).toBe(0); // only asked when the tree is truncated
  });

  it('a PySpark project that adds spark-core in Maven adds Spark on the JVM', async () => {
    const run = await review(
      { 'requirements.txt': 'pyspark==3.5.1\n', 'jobs/etl.py': 'from pyspark.sql import SparkSession\n' },
      {
        'jvm/pom.xml': [
          '<project>',
          '  <dependencies>',
          '    <dependency>',
          '      <groupId>org.apache.spark</groupId>',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a Maven property, not a template
          '      <artifactId>spark-core_${scala.binary.version}</artifactId>',
          '    </dependency>',
          '  </dependencies>',
          '</project>',
          '',
        ].join('\n'),
      },
    );
    expect(run.outputs['frameworks-added']).toBe('["spark"]');
    const body = gh.comments[0]?.body ?? '';
    expect(body.split('\n')[1]).toMatch(/This pull request adds \*\*Apache Spark\*\*/); // the verdict comes first
    expect(body).toContain('(maven) — ` jvm/pom.xml ` line 5');
  });

  it('a truncated tree and a disabled dependency graph degrade to the diff alone, with notes, never a failure', async () => {
    gh.truncateTreeAt = 1; // only README.md is listed
    const run = await review(TORCH_LIBRARY, SPLIT);
    expect(run.outputs['frameworks-added']).toBe('["pytorch"]'); // today's behaviour
    expect(run.summary).toContain('GitHub truncated it');
    expect(run.summary).toContain('The dependency graph is not enabled for this repository');
    expect(run.calls(/dependency-graph\/sbom/)).toBe(1);
    expect(run.calls(/^\/graphql$/) + run.calls(/git\/trees/) + run.calls(/dependency-graph/)).toBeLessThanOrEqual(3);
  });

  it('a truncated tree is filled in from the dependency graph when it is on', async () => {
    gh.truncateTreeAt = 1;
    gh.dependencyGraph = ['pkg:pypi/numpy@1.26.4', 'pkg:pypi/torch@2.3.1'];
    const run = await review(TORCH_LIBRARY, SPLIT);
    expect(run.outputs['frameworks-added']).toBe('[]');
    expect(run.summary).toContain('GitHub truncated it');
  });

  it('a failing GraphQL query degrades with a note in the job summary and in the comment', async () => {
    gh.graphqlError = 'Something went wrong while executing your query.';
    const run = await review(TORCH_LIBRARY, SPLIT);
    expect(run.outputs['frameworks-added']).toBe('["pytorch"]');
    expect(run.summary).toContain("The base branch's manifests could not be read");
    expect(gh.comments[0]?.body).toContain("The base branch's manifests could not be read");
  });

  it('a 3,000-file pull request costs at most 37 API calls, the base inventory included', async () => {
    const baseSha = repo.commit(TORCH_LIBRARY, 'base');
    const headSha = repo.commit({ 'requirements.txt': 'pyspark==3.5.1\n' }, 'head');
    gh.files = [
      ...Array.from({ length: 2999 }, (_, i) => ({
        filename: `docs/p${i}.md`,
        status: 'added',
        patch: '@@ -0,0 +1 @@\n+hi',
      })),
      ...pullFiles(repo, baseSha, headSha),
    ];
    const run = await runBundle(gh, { baseSha, headSha, changedFiles: 3000 });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs['frameworks-added']).toBe('["spark"]');
    expect(gh.requests.length).toBeLessThanOrEqual(37);
  });

  it('a manifest GitHub gives no patch for is read whole at base and head through GraphQL, not file by file', async () => {
    const baseSha = repo.commit({ 'requirements.txt': 'numpy\n' }, 'base');
    const headSha = repo.commit({ 'requirements.txt': 'numpy\ntorch==2.4.0\n' }, 'head');
    gh.files = pullFiles(repo, baseSha, headSha).map(({ patch: _patch, ...f }) => f); // as for a huge file
    const run = await runBundle(gh, { baseSha, headSha });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs['frameworks-added']).toBe('["pytorch"]');
    expect(gh.requests.filter((r) => r.path.includes('/contents/requirements.txt'))).toHaveLength(0);
    expect(gh.requests.filter((r) => r.path === '/graphql')).toHaveLength(3); // base and head of the file, the inventory
  });
});
