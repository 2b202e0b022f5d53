/**
 * `npm run bench`: runs every bench/*.bench.ts (or the ones named on the command line) and
 * prints its figures. Benches measure; tests assert behaviour.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Bench = { run: () => Promise<Record<string, number | string>> };

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

for (const file of files) {
  const bench = (await import(pathToFileURL(`${dir}${file}`).href)) as Bench;
  const started = performance.now();
  const figures = await bench.run();
  console.log(`\n${file.replace('.bench.ts', '')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  for (const [name, value] of Object.entries(figures)) {
    console.log(`  ${name.padEnd(44)} ${typeof value === 'number' ? value.toFixed(3) : value}`);
  }
}
