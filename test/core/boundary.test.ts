import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** src/core is pure: it may import zod and itself, and never touch env, clock, fs, network or an SDK. */
const root = new URL('../../src/core/', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: readonly [RegExp, string][] = [
  [/\bprocess\.(env|argv|cwd|exit|stdout|stderr|hrtime)/, 'process'],
  [/\bDate\.now\(|new Date\(/, 'the clock'],
  [/\bperformance\.now\(/, 'the clock'],
  [/\bMath\.random\(/, 'randomness'],
  [/\b(fetch|setTimeout|setInterval)\(/, 'network or timers'],
  [/\brequire\(/, 'require'],
];

function importsOf(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);
}

describe('src/core boundary', () => {
  const files = filesUnder(root);

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s imports only zod and core files', (_name, file) => {
    const bad = importsOf(readFileSync(file, 'utf8')).filter((spec) => spec !== 'zod' && !spec.startsWith('.'));
    expect(bad).toEqual([]);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s touches no env, clock, fs or network', (_name, file) => {
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const found = FORBIDDEN.filter(([pattern]) => pattern.test(source)).map(([, what]) => what);
    expect(found).toEqual([]);
  });

  it('the import check catches a forbidden import', () => {
    const sample = "import { readFileSync } from 'node:fs';\nimport { z } from 'zod';\nexport { x } from './x.js';";
    expect(importsOf(sample)).toEqual(['node:fs', 'zod', './x.js']);
  });
});
