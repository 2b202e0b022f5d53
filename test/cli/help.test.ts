import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './run-cli.js';

const run = (args: string[]) => runCaptured(args);

describe('help everywhere', () => {
  it.each([
    [['--help'], 'usage: spark-or-pytorch <command>'],
    [['-h'], 'usage: spark-or-pytorch <command>'],
    [['help'], 'usage: spark-or-pytorch <command>'],
    [['help', 'review'], 'usage: spark-or-pytorch review'],
    [['ask', '--help'], 'usage: spark-or-pytorch ask'],
    [['ask', '--json', 'some question', '-h'], 'usage: spark-or-pytorch ask'],
    [['compare', '--help'], 'usage: spark-or-pytorch compare'],
    [['review', '--help'], 'usage: spark-or-pytorch review'],
    [['review', '-h'], 'usage: spark-or-pytorch review'],
    [['serve', '--help'], 'usage: spark-or-pytorch serve'],
  ])('%j prints usage on stdout and exits 0', async (args, first) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.split('\n')[0]).toContain(first);
  });

  it('documents every option a command accepts', async () => {
    const help = (await run(['review', '--help'])).out;
    for (const option of ['--json', '--config', '--diff', '--repo']) expect(help).toContain(option);
    const askHelp = (await run(['ask', '--help'])).out;
    for (const option of ['--json', '--answer', '--context', '--']) expect(askHelp).toContain(option);
  });

  it('treats --help after -- as part of the question', async () => {
    const { code, out } = await run(['ask', '--json', '--', 'what does --help mean for 40 TB of logs in HDFS']);
    expect(code).toBe(0);
    // answered as a question, not as a request for help: the words after -- were read
    const answer = JSON.parse(out) as { verdict: string; facts: { facts: { evidence: string }[] } };
    expect(answer.facts.facts.map((f) => f.evidence)).toContain('40 TB');
  });

  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect((await run(['--version'])).out).toBe(`spark-or-pytorch ${pkg.version}\n`);
  });
});

describe('unknown options exit 2 instead of joining the question', () => {
  it.each([
    [['ask', '-x', 'we have 40 TB in HDFS'], /unknown option -x .*after --/],
    [['ask', 'we have 40 TB in HDFS', '-j'], /unknown option -j/],
    [['ask', '--jsn', 'we have 40 TB in HDFS'], /unknown option --jsn/],
    [['compare', '-v'], /unknown option -v/],
    [['review', '-d', 'x.patch'], /unknown option -d/],
    [['serve', '--port', '8080'], /unknown option --port/],
    [['serve', 'now'], /serve takes no arguments/],
    [['-q'], /unknown option "-q".*commands are ask, compare, review, serve/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j', async (args, message) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  it('reads text that starts with a dash after --', async () => {
    const { code, out } = await run(['ask', '--json', '--', '-5 TB of parquet, nightly joins on a Spark cluster']);
    expect(code).toBe(0);
    expect(JSON.parse(out).verdict).toBe('spark');
  });
});
