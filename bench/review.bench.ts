/** review(): a 3,000-file, ~100,000-line pull request; and the GitHub API calls such a PR costs. */
import { review } from '../src/index.js';
import { startFakeGitHub } from '../test/action/fake-github.js';
import { makeGitRepo } from '../test/action/git-repo.js';
import { runBundle, SPARK_PATCH } from '../test/action/run-bundle.js';
import { percentile } from './stats.js';

function bigDiff(files: number, linesPerFile: number): string {
  const parts: string[] = [];
  for (let f = 0; f < files; f++) {
    const path = f === 0 ? 'requirements.txt' : f % 10 === 0 ? `jobs/job_${f}.py` : `docs/page_${f}.md`;
    const lines =
      f === 0
        ? ['pyspark==3.5.1']
        : Array.from({ length: linesPerFile }, (_, i) =>
            path.endsWith('.py')
              ? `df_${i} = spark.read.parquet("s3://lake/t${i}").join(other, "id").groupBy("k").count()`
              : `Line ${i} of the docs.`,
          );
    parts.push(
      `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n@@ -1,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`,
    );
  }
  return parts.join('\n');
}

export async function run(): Promise<Record<string, number | string>> {
  const diff = bigDiff(3000, 33);
  const lines = diff.split('\n').length;
  review(diff);
  // the floor, in the same process on the same text: a plain split and one pass over the lines
  const floor: number[] = [];
  const times: number[] = [];
  for (let i = 0; i < 11; i++) {
    let start = performance.now();
    let chars = 0;
    for (const line of diff.split('\n')) chars += line.length;
    floor.push(performance.now() - start);
    if (chars < 0) throw new Error('unreachable');
    start = performance.now();
    review(diff);
    times.push(performance.now() - start);
  }

  // the base: a real git repository the fake serves trees and GraphQL blob reads from
  const repo = makeGitRepo();
  const baseSha = repo.commit(
    { 'requirements.txt': 'pandas==2.2.2\nrequests>=2.31\n', 'svc/pyproject.toml': '[project]\n' },
    'base',
  );
  const gh = await startFakeGitHub('data-team', 'pipelines');
  gh.git = repo.dir;
  gh.files = [
    ...Array.from({ length: 2999 }, (_, i) => ({
      filename: `docs/p${i}.md`,
      status: 'added',
      patch: '@@ -0,0 +1 @@\n+x',
    })),
    { filename: 'requirements.txt', status: 'modified', patch: SPARK_PATCH },
  ];
  const result = await runBundle(gh, { changedFiles: 3000, baseSha, headSha: baseSha });
  await gh.close();
  repo.remove();
  return {
    'diff size (files × lines)': `3000 × ${lines}`,
    'review median ms (target ≤ 60)': percentile(times, 50),
    'review max ms': percentile(times, 100),
    'plain split floor median ms': percentile(floor, 50),
    'review ÷ floor (target ≤ 12)': percentile(times, 50) / percentile(floor, 50),
    'Action on a 3,000-file PR: API calls (target ≤ 37)': gh.requests.length,
    'Action exit code': result.code,
  };
}
