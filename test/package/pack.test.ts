/**
 * The package as a stranger gets it: `npm pack`, install the tarball into an empty folder (its
 * dependencies from the npm cache, the registry only for what the cache lacks), then run the CLI
 * binary and import the library there — outside this checkout. Needs `npm run build` first
 * (`npm test` does it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SMALL_PATCH = join(ROOT, 'test/fixtures/diffs/add-pyspark-local.patch');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

type PackEntry = { filename: string; files: { path: string }[] };

function pack(args: readonly string[]): PackEntry {
  // --ignore-scripts: `prepare` would rebuild dist/, which the test run has just built
  const out = execFileSync(NPM, ['pack', '--json', '--ignore-scripts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return (JSON.parse(out) as PackEntry[])[0] as PackEntry;
}

describe('what the package holds', () => {
  const files = pack(['--dry-run']).files.map((f) => f.path);

  it.each([
    ['tests', /^test\/|\.test\.[cm]?[jt]s$/],
    ['benches', /^bench\//],
    ['eval data and the question corpus', /^eval\//],
    ['scripts and CI', /^(scripts|\.ci|\.github)\//],
    ['TypeScript sources', /^src\/|(?<!\.d)\.ts$/],
    ['the Action bundle (the Action runs from the repository, not from npm)', /^action\//],
    ['deployment files', /^(deploy|teams|slack)\//],
  ])('holds no %s', (_what, pattern) => {
    expect(files.filter((f) => pattern.test(f))).toEqual([]);
  });

  it.each([
    'package.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'bin/spark-or-pytorch.js',
    'dist/src/index.js',
    'dist/src/index.d.ts',
    'dist/src/cli.js',
    'knowledge/criteria.yaml',
    'legal/privacy.md',
    'legal/terms.md',
  ])('holds %s', (path) => {
    expect(files).toContain(path);
  });
});

describe('installed from the tarball into an empty folder', () => {
  let dir = '';
  let app = '';

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/src/index.js'))) throw new Error('run `npm run build` first: dist/ is missing');
    dir = mkdtempSync(join(tmpdir(), 'spark-or-pytorch-pack-'));
    const tarball = join(dir, pack(['--pack-destination', dir]).filename);
    app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'newcomer', private: true, type: 'module' }));
    execFileSync(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], {
      cwd: app,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const bin = () => join(app, 'node_modules/.bin/spark-or-pytorch');
  const run = (args: readonly string[]) =>
    spawnSync(bin(), args, { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('installs the package itself, not a link back to this checkout', () => {
    const installed = JSON.parse(readFileSync(join(app, 'node_modules/spark-or-pytorch/package.json'), 'utf8'));
    expect(installed.name).toBe('spark-or-pytorch');
    expect(existsSync(join(app, 'node_modules/spark-or-pytorch/test'))).toBe(false);
  });

  it('runs the CLI: --help, ask, review', () => {
    const help = run(['--help']);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^usage: spark-or-pytorch <command>/);

    const answer = run(['ask', '--json', 'We have 40 TB of clickstream in HDFS and nightly joins take six hours']);
    expect(answer.status, answer.stderr).toBe(0);
    expect(JSON.parse(answer.stdout).verdict).toBe('spark');

    const review = run(['review', '--json', '--diff', SMALL_PATCH]);
    expect(review.status, review.stderr).toBe(0);
    expect(JSON.parse(review.stdout).frameworksAdded).toEqual(['spark']);

    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(run(['--version']).stdout).toBe(`spark-or-pytorch ${version}\n`);

    const bad = run(['ask', '-x']);
    expect(bad.status).toBe(2);
  });

  it("imports the library with import('spark-or-pytorch')", () => {
    const script = `
      const { ask, compare, review } = await import('spark-or-pytorch');
      console.log(JSON.stringify({
        verdict: ask('fine-tune a 7B model on our 8 A100s, the corpus is 30 GB of text').verdict,
        dimensions: compare().dimensions.length,
        added: review(process.argv[1]).frameworksAdded,
      }));
    `;
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script, readFileSync(SMALL_PATCH, 'utf8')], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ verdict: 'pytorch', dimensions: expect.any(Number), added: ['spark'] });
  });
});
