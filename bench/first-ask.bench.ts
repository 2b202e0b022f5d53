/**
 * A fresh process's first answer: importing the built library, then its first ask() (which loads the
 * knowledge from the build's snapshot), minimum of 7 fresh processes each, beside `node -e 0`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./first-ask-child.mjs', import.meta.url));
const RUNS = 7;

function wall(args: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: 'pipe' });
  return performance.now() - start;
}

export async function run(): Promise<Record<string, number | string>> {
  const floor: number[] = [];
  const whole: number[] = [];
  const imports: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(wall(['-e', '0']));
    const start = performance.now();
    const out = JSON.parse(execFileSync(process.execPath, [child], { encoding: 'utf8' })) as {
      importMs: number;
      firstAskMs: number;
    };
    whole.push(performance.now() - start);
    imports.push(out.importMs);
    first.push(out.firstAskMs);
  }
  const min = (xs: number[]) => Math.min(...xs);
  return {
    'node -e 0 (floor): min ms': min(floor),
    'import the library: min ms': min(imports),
    'first ask after import: min ms (target ≤ 50)': min(first),
    'process: import + first ask + exit: min ms': min(whole),
    'process ÷ floor: ratio': min(whole) / min(floor),
  };
}
