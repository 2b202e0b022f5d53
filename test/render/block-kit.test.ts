import { describe, expect, it } from 'vitest';
import { ask, compare } from '../../src/index.js';
import {
  MAX_BLOCKS,
  MAX_COLLAPSED_BLOCKS,
  renderComparisonBlocks,
  renderRecommendationBlocks,
} from '../../src/render/block-kit.js';

const QUESTIONS = {
  spark: 'We have 40 TB of clickstream in HDFS and need nightly joins',
  pytorch: 'fine-tune a 7B model on our 8 A100s, data is 30 GB of text',
  both: 'score our 2B-row Hive table with a trained PyTorch model every night',
  neither: 'we have 2 GB of CSVs and need some aggregations',
  unclear: 'Should we use Spark or PyTorch?',
} as const;

type Text = { type: string; text: string };
type Element = {
  type: string;
  text?: Text;
  action_id?: string;
  value?: string;
  placeholder?: Text;
  options?: { text: Text; value: string }[];
};
type Block = {
  type: string;
  block_id?: string;
  text?: Text;
  fields?: Text[];
  elements?: (Element & Text)[];
  accessory?: Element;
};

/** Every documented Block Kit limit our messages can reach, checked on the message as sent. */
function expectWithinBlockKit(blocks: Block[]) {
  expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  const ids = blocks.flatMap((b) => (b.block_id ? [b.block_id] : []));
  expect(new Set(ids).size).toBe(ids.length); // block_ids are unique in a message
  for (const b of blocks) {
    expect(b.block_id?.length ?? 0).toBeLessThanOrEqual(255);
    if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(3000);
    if (b.type === 'header') expect(b.text?.text.length).toBeLessThanOrEqual(150);
    for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
    expect(b.fields?.length ?? 0).toBeLessThanOrEqual(10);
    if (b.type === 'actions') expect(b.elements?.length).toBeLessThanOrEqual(25);
    if (b.type === 'context') expect(b.elements?.length).toBeLessThanOrEqual(10);
    for (const e of [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]) {
      expect(e.action_id?.length ?? 0).toBeLessThanOrEqual(255);
      if (e.type === 'button') {
        expect(e.text?.text.length).toBeLessThanOrEqual(75);
        expect(e.value?.length ?? 0).toBeLessThanOrEqual(2000);
      }
      if (e.type === 'static_select') {
        expect(e.placeholder?.text.length).toBeLessThanOrEqual(150);
        expect(e.options?.length).toBeLessThanOrEqual(100);
        for (const o of e.options ?? []) {
          expect(o.text.text.length).toBeLessThanOrEqual(75);
          expect(o.value.length).toBeLessThanOrEqual(150);
        }
      }
    }
  }
}

describe('Block Kit messages', () => {
  it.each(Object.entries(QUESTIONS))(
    '%s: reviewed snapshot, at most ten blocks collapsed, within Slack limits open, with a text fallback',
    (verdict, question) => {
      const r = ask(question);
      expect(r.verdict).toBe(verdict);
      const message = renderRecommendationBlocks(r, 'answer-1');
      const collapsed = message.blocks as Block[];
      expect(collapsed.length).toBeLessThanOrEqual(MAX_COLLAPSED_BLOCKS);
      expectWithinBlockKit(collapsed);
      const expanded = renderRecommendationBlocks(r, 'answer-1', { expanded: true, share: true, question }).blocks;
      expectWithinBlockKit(expanded as Block[]);
      // every reason's title is in the open message, none in the collapsed one
      for (const reason of r.reasons.slice(0, 6)) {
        expect(JSON.stringify(expanded)).toContain(`· ${reason.title}`);
        expect(JSON.stringify(collapsed)).not.toContain(`· ${reason.title}`);
      }
      expect(message.text.length).toBeGreaterThan(10);
      expect(message).toMatchSnapshot();
    },
  );

  it('a confidence badge on decided answers only; a bar per outcome', () => {
    const shown = (q: string) => JSON.stringify(renderRecommendationBlocks(ask(q), 'x').blocks);
    expect(shown(QUESTIONS.spark)).toMatch(/(High|Moderate|Low) confidence/);
    expect(shown(QUESTIONS.unclear)).not.toMatch(/confidence/i);
    for (const label of ['Spark', 'PyTorch', 'Both', 'Neither']) expect(shown(QUESTIONS.spark)).toContain(`\`${label}`);
  });

  it('says "you chose" for an option picked on a button, and quotes a phrase at most twice', () => {
    const first = ask('Should we use Spark or PyTorch?');
    const r = ask('', { context: first.facts, answers: { 'data-size': 'terabytes' } });
    const open = JSON.stringify(renderRecommendationBlocks(r, 'x', { expanded: true }).blocks);
    expect(open).toContain('you chose “Terabytes or more”');
    const both = JSON.stringify(renderRecommendationBlocks(ask(QUESTIONS.both), 'x', { expanded: true }).blocks);
    for (const line of both.split('\\n')) expect((line.match(/“/g) ?? []).length).toBeLessThanOrEqual(2);
  });

  it("escapes the asker's words so they cannot ping or link", () => {
    const message = renderRecommendationBlocks(ask('<!channel> 40 TB <https://evil.example|click> joins'), 'x', {
      question: '<!channel> hi',
      expanded: true,
    });
    expect(JSON.stringify(message.blocks)).not.toContain('<!channel>');
    expect(JSON.stringify(message.blocks)).not.toContain('<https://evil.example');
  });

  it('a comparison shows the ten takeaways in a few blocks; one dimension opens on demand', () => {
    const c = compare();
    const collapsed = renderComparisonBlocks(c).blocks as Block[];
    expect(collapsed.length).toBeLessThanOrEqual(MAX_COLLAPSED_BLOCKS);
    expectWithinBlockKit(collapsed);
    for (const d of c.dimensions) expect(JSON.stringify(collapsed)).toContain(d.takeaway.replace(/"/g, '\\"'));
    expect(JSON.stringify(collapsed)).not.toContain(c.dimensions[1]?.spark ?? '-');
    const open = renderComparisonBlocks(c, 'execution').blocks as Block[];
    expectWithinBlockKit(open);
    expect(JSON.stringify(open)).toContain('Execution model');
    expect(JSON.stringify(open)).toContain(c.dimensions.find((d) => d.id === 'execution')?.spark.slice(0, 40));
  });
});
