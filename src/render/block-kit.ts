import type { Comparison, Recommendation, Suggestion } from '../core/index.js';
import { carriedLine, describeConfidence, NEXT_SECTION_TITLE, VERDICT_EMOJI } from './labels.js';

/** Slack's limits: 50 blocks a message, 3,000 characters a section, 150 a header, 75 a button. */
export const MAX_BLOCKS = 50;
const MAX_SECTION = 3000;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/** Slack mrkdwn control characters in user text: &, <, > must be escaped; nothing else is parsed specially. */
export const escapeMrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type Block = Record<string, unknown>;
export type SlackMessage = { readonly text: string; readonly blocks: Block[] };

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, MAX_SECTION) } });
const button = (text: string, actionId: string, value: string): Block => ({
  type: 'button',
  text: { type: 'plain_text', text: clip(text, 75), emoji: true },
  action_id: clip(actionId, 255),
  value: clip(value, 2000),
});

function suggestionText(items: readonly Suggestion[]): string {
  return items.map((s) => `• *<${s.sources[0] ?? ''}|${escapeMrkdwn(s.name)}>* — ${escapeMrkdwn(s.why)}`).join('\n');
}

/**
 * A Recommendation as a Slack message: header, confidence, summary, reasons quoting the asker,
 * then the bridge / alternative / follow-up buttons, and 👍 / 👎. `answerId` ties buttons to the
 * stored answer. Always inside Block Kit limits, always with a plain-text fallback.
 */
export function renderRecommendationBlocks(r: Recommendation, answerId: string, question?: string): SlackMessage {
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clip(`${VERDICT_EMOJI[r.verdict]} ${r.headline}`, 150), emoji: true },
    },
  ];
  if (question)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(`You asked: _${escapeMrkdwn(question)}_`, 3000) }],
    });
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Confidence: *${describeConfidence(r.confidence)}*` }],
  });
  blocks.push(section(escapeMrkdwn(r.summary)));
  const carried = carriedLine(r);
  if (carried) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(`${escapeMrkdwn(carried)} · say *new* to start over`, 3000) }],
    });
  }
  const reasons = r.reasons.slice(0, 6);
  if (reasons.length > 0) {
    blocks.push(section(`*${r.verdict === 'unclear' ? 'What I picked up' : 'Why'}*`));
    for (const reason of reasons) {
      const said = reason.evidence ? ` — you said ${escapeMrkdwn(reason.evidence)}` : '';
      blocks.push(
        section(
          `• *${escapeMrkdwn(reason.title)}*${said}\n${escapeMrkdwn(reason.explanation)} <${reason.source}|source>`,
        ),
      );
    }
  }
  const next = [...r.bridges, ...r.alternatives, ...r.serving, ...r.practices];
  if (next.length > 0) blocks.push(section(`*${NEXT_SECTION_TITLE[r.verdict]}*\n${suggestionText(next.slice(0, 6))}`));
  for (const f of r.followUps.slice(0, 3)) {
    blocks.push(section(`*${escapeMrkdwn(f.question)}*`));
    blocks.push({
      type: 'actions',
      block_id: clip(`followup:${f.id}`, 255),
      elements: (f.options ?? []).slice(0, 5).map((o) => button(o.label, `followup:${f.id}:${o.id}`, answerId)),
    });
  }
  blocks.push({ type: 'divider' });
  blocks.push({
    type: 'actions',
    block_id: 'feedback',
    elements: [
      button('👍 Helpful', 'feedback:up', answerId),
      button('👎 Not helpful', 'feedback:down', answerId),
      ...(carried ? [button('Start over', 'reset', answerId)] : []),
    ],
  });
  const text = clip(`${r.headline} (confidence ${r.confidence.toFixed(2)}): ${r.summary}`, 3000);
  return { text, blocks: blocks.slice(0, MAX_BLOCKS) };
}

/** Spark and PyTorch side by side, one section with two fields per dimension. */
export function renderComparisonBlocks(c: Comparison): SlackMessage {
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: 'Spark vs PyTorch', emoji: true } }];
  for (const d of c.dimensions.slice(0, 15)) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`*${escapeMrkdwn(d.title)}* — ${escapeMrkdwn(d.takeaway)}`, MAX_SECTION) },
      fields: [
        { type: 'mrkdwn', text: clip(`*Spark*\n${escapeMrkdwn(d.spark)}`, 2000) },
        { type: 'mrkdwn', text: clip(`*PyTorch*\n${escapeMrkdwn(d.pytorch)}`, 2000) },
      ],
    });
  }
  const text = c.dimensions.map((d) => `${d.title}: Spark — ${d.spark} PyTorch — ${d.pytorch}`).join('\n');
  return { text: clip(text, 3000), blocks: blocks.slice(0, MAX_BLOCKS) };
}

export const HELP_TEXT = [
  '*Ask me "Spark or PyTorch?"* — describe the data (size, where it lives), the job (ETL, training, scoring) and how fast answers must come.',
  '• Mention me in a channel, or write to me directly; reply in the thread to refine the answer (a new question in a DM starts fresh; say `new` to drop earlier facts).',
  '• `/spark-or-pytorch compare [dimension]` — side by side (architecture, execution, performance, data-scale, ecosystem, productionisation, latency, hardware, hybrid, team).',
  '• Examples: _We have 40 TB of clickstream in HDFS and need nightly joins_ · _fine-tune a 7B model on 8 A100s, data is 30 GB_ · _score a 2B-row Hive table with a trained PyTorch model every night_',
].join('\n');
