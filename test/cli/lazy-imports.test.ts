/**
 * The CLI loads only what its command needs: the bot server and its SDKs (Bolt, botbuilder,
 * ioredis — CommonJS, so they show in require.cache when loaded) only for `serve`, nothing but
 * its text for `--help`. Runs the built CLI in a fresh process (npm run build first).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SMALL_DIFF = readFileSync(new URL('../fixtures/diffs/add-pyspark-local.patch', import.meta.url), 'utf8');
const CLI = new URL('../../dist/src/cli.js', import.meta.url).href;

/** Runs the CLI in-process in a fresh node and reports which packages and source folders it loaded. */
function loadedBy(args: readonly string[]): { code: number; packages: string[]; sources: string[] } {
  const script = `
    import { createRequire } from 'node:module';
    const { runCli } = await import(${JSON.stringify(CLI)});
    const io = { stdout() {}, stderr() {}, readStdin: async () => ${JSON.stringify(SMALL_DIFF)}, readFile: async () => '', cwd: '/', env: {} };
    const code = await runCli(${JSON.stringify(args)}, io);
    const cjs = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ code, cjs }));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  const { code, cjs } = JSON.parse(child.stdout) as { code: number; cjs: string[] };
  const packages = [...new Set(cjs.map((p) => p.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1]).filter(Boolean))];
  return { code, packages: packages as string[], sources: cjs };
}

const SERVER_SDKS = ['@slack/bolt', 'botbuilder', 'ioredis', 'express', 'botframework-connector'];

describe('the CLI import graph', () => {
  it('control: loading the server does load its SDKs, so the check below can fail', () => {
    const script = `
      import { createRequire } from 'node:module';
      await import(${JSON.stringify(new URL('../../dist/src/server.js', import.meta.url).href)});
      console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const cjs = JSON.parse(child.stdout) as string[];
    expect(cjs.some((p) => p.includes('node_modules/@slack/bolt/'))).toBe(true);
    expect(cjs.some((p) => p.includes('node_modules/botbuilder/'))).toBe(true);
  });

  it.each([
    [['ask', 'we have 40 TB of logs in HDFS']],
    [['compare', 'execution']],
    [['review', '--diff', '-']],
    [['--help']],
    [['serve', '--help']],
  ])('%j loads no server SDK', (args) => {
    const { code, packages } = loadedBy(args);
    expect(code).toBe(0);
    for (const sdk of SERVER_SDKS) expect(packages).not.toContain(sdk);
  });
});
