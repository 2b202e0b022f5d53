import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RecommendationSchema } from '../../src/index.js';
import { runCaptured } from './run-cli.js';

const run = (args: string[], stdin = '') => runCaptured(args, { stdin });

describe('spark-or-pytorch ask', () => {
  it('answers in the terminal with verdict, confidence, reasons and sources', async () => {
    const { code, out } = await run(['ask', 'We have 40 TB of clickstream in HDFS and need nightly joins']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Verdict: Spark {3}confidence high/);
    expect(out).toContain('you said “40 TB” … “joins”');
    expect(out).toContain('source: https://');
  });

  it('prints exactly one JSON document with --json', async () => {
    const { code, out } = await run(['ask', '--json', 'fine-tune a 7B model on our 8 A100s, data is 30 GB of text']);
    expect(code).toBe(0);
    const parsed = RecommendationSchema.parse(JSON.parse(out));
    expect(parsed.verdict).toBe('pytorch');
  });

  it('reads the question from standard input', async () => {
    const { code, out } = await run(['ask'], 'score our 2B-row Hive table with a trained PyTorch model every night');
    expect(code).toBe(0);
    expect(out).toContain('Verdict: Spark and PyTorch together');
    expect(out).toContain('How to bridge them');
  });

  it('shows follow-up questions for an unclear case, and takes answers', async () => {
    const first = await run(['ask', 'Spark or PyTorch?']);
    expect(first.out).toContain('What would settle it');
    const answered = await run([
      'ask',
      '--answer',
      'data-size=terabytes',
      '--answer',
      'main-job=transform-data',
      'Spark or PyTorch?',
    ]);
    expect(answered.out).toMatch(/^Verdict: Spark /);
  });

  it.each([
    [['ask'], '', /nothing to answer/],
    [['ask', '   '], '', /nothing to answer/],
    [['ask', '--bogus', 'x'], '', /unknown option --bogus/],
    [['ask', '--answer', 'oops', 'x'], '', /--answer takes QUESTION=OPTION/],
    [['ask', '--answer', 'data-size=huge', 'x'], '', /not an answer to data-size/],
    [['ask', 'x'.repeat(300 * 1024)], '', /the limit is 256 KiB/],
    [['ask', '-'], 'a\u0000b', /looks binary/],
    [['compare', 'vibes'], '', /unknown dimension "vibes"; choose one of: architecture/],
    [['frobnicate'], '', /unknown command "frobnicate"/],
    [[], '', /usage: spark-or-pytorch <command>/],
  ])('%j exits 2 with a one-line reason', async (args, stdin, message) => {
    const { code, out, err } = await run(args, stdin);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('spark-or-pytorch compare', () => {
  it('shows one dimension side by side', async () => {
    const { code, out } = await run(['compare', 'execution']);
    expect(code).toBe(0);
    expect(out).toContain('Execution model (execution)');
    expect(out).toMatch(/Spark\n {4}Lazy/);
    expect(out).toMatch(/PyTorch\n {4}Eager/);
  });

  it('shows every dimension without an argument', async () => {
    const { out } = await run(['compare', '--json']);
    expect(JSON.parse(out).dimensions.length).toBeGreaterThanOrEqual(8);
  });
});

describe('the installed bin', () => {
  it('runs the built CLI with real exit codes', () => {
    const bin = new URL('../../bin/spark-or-pytorch.js', import.meta.url).pathname;
    const ok = spawnSync(process.execPath, [bin, 'ask', '--json', 'we have 2 GB of CSVs and need aggregations'], {
      encoding: 'utf8',
    });
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).verdict).toBe('neither');
    const bad = spawnSync(process.execPath, [bin, 'ask'], { encoding: 'utf8', input: '' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('nothing to answer');
  });
});
