import { describe, expect, it } from 'vitest';
import { review } from '../../src/index.js';
import { clipWords, docsLink } from '../../src/render/markdown-review.js';

const diff = [
  'diff --git a/requirements.txt b/requirements.txt',
  '--- a/requirements.txt',
  '+++ b/requirements.txt',
  '@@ -1 +1,2 @@',
  ' numpy',
  '+pyspark==3.5.1',
  'diff --git a/jobs/z_report.py b/jobs/z_report.py',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/jobs/z_report.py',
  '@@ -0,0 +1,2 @@',
  '+df = spark.read.csv("data/orders.csv")',
  '+print(df.toPandas())',
  'diff --git a/jobs/a (old).py b/jobs/a (old).py',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/jobs/a (old).py',
  '@@ -0,0 +1,2 @@',
  '+from pyspark.sql import SparkSession',
  '+spark = SparkSession.builder.master("local[*]").getOrCreate()',
].join('\n');
const SHA = '0123456789abcdef0123456789abcdef01234567';
const { markdown, assessments } = review(diff, {
  markdown: { repositoryUrl: 'https://github.com/acme/pipelines', headSha: SHA },
});

describe('the pull-request comment', () => {
  it('starts with the verdict line, right after the hidden marker', () => {
    const [marker, verdict] = markdown.split('\n');
    expect(marker).toBe('<!-- spark-or-pytorch:review -->');
    // the confidence comes from the fitted model, so it is read from the review, not written here
    const confidence = assessments[0]?.confidence.toFixed(2);
    expect(verdict).toBe(
      `⚠️ This pull request adds **Apache Spark** — consider an alternative: the code points to **Neither** (moderate (${confidence}) confidence).`,
    );
  });

  it('says whom a reason favours in words, never an id', () => {
    const rows = markdown.split('\n').filter((l) => /^\| \[/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(' | ')[1]).toMatch(/^(Spark|PyTorch|Neither|Spark and PyTorch together)$/);
  });

  it('lists the lines that led here in file and line order, each linked to that line at the head commit', () => {
    const block = markdown.slice(markdown.indexOf('Lines that led here:')).split('\n\n')[0] ?? '';
    const lines = block.split('\n').slice(1);
    const where = lines
      .map((l) => /\/blob\/[0-9a-f]{40}\/(.+)#L(\d+)\)/.exec(l))
      .map((m) => [decodeURIComponent(m?.[1] ?? ''), Number(m?.[2])] as const);
    expect(where).toEqual([
      ['jobs/a (old).py', 2],
      ['jobs/z_report.py', 1],
      ['jobs/z_report.py', 2],
    ]);
    expect(lines[0]).toContain(`(https://github.com/acme/pipelines/blob/${SHA}/jobs/a%20%28old%29.py#L2)`);
  });

  it('links each suggestion to its own documentation rather than a benchmark or a post', () => {
    expect(markdown).toContain('- [DuckDB](https://duckdb.org/docs/');
    expect(
      docsLink({ sources: ['https://github.com/coiled/benchmarks/issues/1107', 'https://docs.pola.rs/user-guide/'] }),
    ).toBe('https://docs.pola.rs/user-guide/');
    expect(docsLink({ sources: ['https://example.com/blog/why', 'https://github.com/duckdb/duckdb'] })).toBe(
      'https://github.com/duckdb/duckdb',
    );
  });

  it.each([
    ['short stays whole', 'read.csv("data")', 40, 'read.csv("data")'],
    ['cut at the last space before the limit', 'one two three four five six', 14, 'one two three…'],
    ['a single long token is cut, not lost', 'x'.repeat(50), 10, `${'x'.repeat(10)}…`],
  ])('clips evidence on token boundaries: %s', (_what, text, max, expected) => {
    expect(clipWords(text, max)).toBe(expected);
  });
});
