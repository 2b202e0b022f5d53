import { describe, expect, it } from 'vitest';
import { ask, compare } from '../../src/index.js';
import { MAX_BLOCKS, renderComparisonBlocks, renderRecommendationBlocks } from '../../src/render/block-kit.js';

const QUESTIONS = {
  spark: 'We have 40 TB of clickstream in HDFS and need nightly joins',
  pytorch: 'fine-tune a 7B model on our 8 A100s, data is 30 GB of text',
  both: 'score our 2B-row Hive table with a trained PyTorch model every night',
  neither: 'we have 2 GB of CSVs and need some aggregations',
  unclear: 'Should we use Spark or PyTorch?',
} as const;

type Block = {
  type: string;
  text?: { type: string; text: string };
  elements?: { type: string; text?: { text: string } }[];
};

describe('Block Kit messages', () => {
  it.each(Object.entries(QUESTIONS))(
    '%s: reviewed snapshot, within Slack limits, with a text fallback',
    (verdict, question) => {
      const r = ask(question);
      expect(r.verdict).toBe(verdict);
      const message = renderRecommendationBlocks(r, 'answer-1');
      const blocks = message.blocks as Block[];
      expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
      for (const b of blocks) {
        if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(3000);
        if (b.type === 'header') expect(b.text?.text.length).toBeLessThanOrEqual(150);
        for (const e of b.elements ?? []) if (e.type === 'button') expect(e.text?.text.length).toBeLessThanOrEqual(75);
      }
      expect(message.text.length).toBeGreaterThan(10);
      expect(message).toMatchSnapshot();
    },
  );

  it("escapes the asker's words so they cannot ping or link", () => {
    const message = renderRecommendationBlocks(
      ask('<!channel> 40 TB <https://evil.example|click> joins'),
      'x',
      '<!channel> hi',
    );
    expect(JSON.stringify(message.blocks)).not.toContain('<!channel>');
    expect(JSON.stringify(message.blocks)).not.toContain('<https://evil.example');
  });

  it('keeps a comparison of every dimension inside the limits', () => {
    const message = renderComparisonBlocks(compare());
    expect(message.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    expect(JSON.stringify(message.blocks)).toContain('Execution model');
  });
});
