/** The Action bundle: its size, and how long it takes to start (beside `node -e 0`, the floor). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUNDLE = new URL('../action/dist/index.js', import.meta.url).pathname;

/** Minimum wall time of `runs` starts of node with these arguments (the least disturbed run). */
function fastest(args: string[], env: NodeJS.ProcessEnv, runs = 7): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const child = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    const took = performance.now() - start;
    if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}`);
    best = Math.min(best, took);
  }
  return best;
}

export async function run(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'sop-start-'));
  writeFileSync(join(dir, 'event.json'), '{}');
  // an event without a pull request: the bundle loads everything, says there is nothing to do, exits
  const env = { PATH: process.env.PATH, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(dir, 'event.json') };
  const floor = fastest(['-e', '0'], env);
  const bundle = fastest([BUNDLE], env);
  return {
    'bundle size MiB': statSync(BUNDLE).size / 1048576,
    'node -e 0 ms (floor, min of 7)': floor,
    'Action bundle start ms (min of 7)': bundle,
    'bundle start ÷ floor (target ≤ 3)': bundle / floor,
  };
}
