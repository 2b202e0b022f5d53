import { describe, expect, it } from 'vitest';
import { ask } from '../../src/index.js';
import {
  BAR_CELLS,
  badgeOf,
  firstSentence,
  layoutAnswer,
  quotesOf,
  sourceLabel,
} from '../../src/render/answer-layout.js';

describe('the answer layout every chat platform draws', () => {
  it.each([
    ['“score” … “2B-row” … “Hive”', ['score', '2B-row']],
    ['“Hive” … “PyTorch” … “PyTorch model”', ['Hive', 'PyTorch model']],
    ['“A100s” … “A100s”', ['A100s']],
    ['“40 TB”', ['40 TB']],
    ['', []],
  ])('quotes %j as %j: each phrase once, at most two', (evidence, expected) => {
    expect(quotesOf(evidence)).toEqual(expected);
  });

  it.each([
    ['Spark moves data. PyTorch trains.', 'Spark moves data.'],
    ['One sentence only', 'One sentence only'],
    ['Use Spark 3.4. Then “predict”.', 'Use Spark 3.4.'],
  ])('the first sentence of %j is %j', (text, expected) => {
    expect(firstSentence(text)).toBe(expected);
  });

  it.each([
    [0.9, 'spark', 'High confidence'],
    [0.6, 'pytorch', 'Moderate confidence'],
    [0.3, 'neither', 'Low confidence'],
    [0.9, 'unclear', undefined],
  ] as const)('confidence %d on %s → badge %j', (confidence, verdict, label) => {
    expect(badgeOf({ confidence, verdict })?.label).toBe(label);
  });

  it.each([
    ['https://github.com/coiled/benchmarks/issues/1107', 'github.com › coiled/benchmarks'],
    [
      'https://spark.apache.org/docs/latest/sql-data-sources-hive-tables.html',
      'spark.apache.org › sql-data-sources-hive-tables',
    ],
    ['https://hive.apache.org/', 'hive.apache.org'],
  ])('source %s is labelled %j', (url, label) => {
    expect(sourceLabel(url)).toBe(label);
  });

  it('a bar per scored outcome, each as long as its share, none for the abstention', () => {
    const r = ask('score our 2B-row Hive table with a trained PyTorch model every night');
    const layout = layoutAnswer(r);
    expect(layout.bars.map((b) => b.outcome).sort()).toEqual(['both', 'neither', 'pytorch', 'spark']);
    expect(layout.bars[0]?.outcome).toBe('both');
    for (const b of layout.bars) {
      expect(b.score).toBe(r.scores[b.outcome]);
      expect(b.cells).toBe(Math.round((r.scores[b.outcome] as number) * BAR_CELLS));
    }
    expect(new Set(layout.sources.map((s) => s.url)).size).toBe(layout.sources.length);
    expect(layout.nextSteps.length).toBeGreaterThanOrEqual(2);
    expect(layout.nextSteps.length).toBeLessThanOrEqual(3);
  });

  it('an answer the bot declines to give has no full bar: the leading share is drawn as the share it is', () => {
    const r = ask('Should we use Spark or PyTorch?');
    expect(r.verdict).toBe('unclear');
    const layout = layoutAnswer(r);
    const top = layout.bars[0] as { score: number; cells: number };
    expect(top.score).toBeLessThan(0.5);
    expect(top.cells).toBeLessThan(BAR_CELLS / 2);
  });

  it('marks each reason with the side it favours; a chosen option reads "you chose"', () => {
    const first = ask('Should we use Spark or PyTorch?');
    const r = ask('', { context: first.facts, answers: { 'data-size': 'terabytes' } });
    const layout = layoutAnswer(r);
    const chosen = layout.reasons.find((l) => l.quotes.includes('Terabytes or more'));
    expect(chosen).toMatchObject({ chosen: true, favours: 'Spark' });
    const typed = layoutAnswer(ask('We have 40 TB of clickstream in HDFS and need nightly joins'));
    expect(typed.reasons.every((l) => !l.chosen)).toBe(true);
    expect(typed.reasons.map((l) => l.favours)).toContain('Spark');
  });
});

describe('bounds on the asker’s words', () => {
  it('a long quote and a long carried line are cut, so a card stays small whatever was typed', () => {
    const long = `we have 40 TB of ${'clickstream '.repeat(400)}in HDFS and need nightly joins`;
    const first = ask(long);
    const layout = layoutAnswer(ask('it is about 50 TB', { context: first.facts }));
    for (const line of layout.reasons) for (const q of line.quotes) expect(q.length).toBeLessThanOrEqual(80);
    expect((layout.carried ?? '').length).toBeLessThanOrEqual(200);
  });
});
