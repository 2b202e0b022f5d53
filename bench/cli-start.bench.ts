/**
 * CLI cold starts: the minimum of 7 fresh processes for `node -e 0` (the floor), the CLI's
 * `--help`, the modules `ask` imports, `ask "…"` and `review --diff` of a one-commit patch, each
 * beside its ratio to the floor. Target: `ask` and `review` of a small diff within 5× the floor. Runs the built CLI
 * (`npm run build` first), the way an installed package runs.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = `${ROOT}bin/spark-or-pytorch.js`;
const SMALL_PATCH = `${ROOT}test/fixtures/diffs/add-pyspark-local.patch`;
const RUNS = 7;

/** Wall time of one fresh process; fails loudly if the command itself fails. */
function timeProcess(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

export async function run(): Promise<Record<string, number | string>> {
  const cases: Record<string, readonly string[]> = {
    'node -e 0': ['-e', '0'],
    '--help': [BIN, '--help'],
    // what `ask` imports before it reads the knowledge: the CLI's own import graph
    'ask modules only': [
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(`${ROOT}dist/src/cli/ask-command.js`)})`,
    ],
    'ask "…"': [BIN, 'ask', 'We have 40 TB of clickstream in HDFS and nightly Hive joins take six hours'],
    'review --diff small.patch': [BIN, 'review', '--diff', SMALL_PATCH],
  };
  for (const args of Object.values(cases)) timeProcess(args); // one unmeasured run each warms the file cache
  // rounds take turns over the cases, so that a busy moment on a shared machine falls on all of them alike
  const best: Record<string, number> = {};
  for (let round = 0; round < RUNS; round++) {
    for (const [name, args] of Object.entries(cases)) best[name] = Math.min(best[name] ?? Infinity, timeProcess(args));
  }
  const floor = best['node -e 0'] as number;
  const figures: Record<string, number | string> = {};
  for (const [name, ms] of Object.entries(best)) {
    figures[`${name} ms (min of ${RUNS})`] = ms;
    if (name === 'node -e 0') continue;
    const target = name === 'ask "…"' || name.startsWith('review') ? ' (target ≤ 5)' : '';
    figures[`${name} × floor${target}`] = ms / floor;
  }
  return figures;
}
