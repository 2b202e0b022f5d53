/**
 * CLI cold starts: the minimum of 7 fresh processes for `node -e 0` (the floor), the CLI's
 * `--help`, `ask "…"` and `review --diff` of a one-commit patch, each beside its ratio to the
 * floor. Target: `ask` and `review` of a small diff within 5× the floor. Runs the built CLI
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

function minOf(args: readonly string[]): number {
  timeProcess(args); // one unmeasured run warms the file cache
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) best = Math.min(best, timeProcess(args));
  return best;
}

export async function run(): Promise<Record<string, number | string>> {
  const cases: Record<string, readonly string[]> = {
    '--help': [BIN, '--help'],
    'ask "…"': [BIN, 'ask', 'We have 40 TB of clickstream in HDFS and nightly Hive joins take six hours'],
    'review --diff small.patch': [BIN, 'review', '--diff', SMALL_PATCH],
  };
  const floor = minOf(['-e', '0']);
  const figures: Record<string, number | string> = { 'node -e 0 ms (floor, min of 7)': floor };
  for (const [name, args] of Object.entries(cases)) {
    const ms = minOf(args);
    figures[`${name} ms (min of 7)`] = ms;
    figures[`${name} × floor${name === '--help' ? '' : ' (target ≤ 5)'}`] = ms / floor;
  }
  return figures;
}
