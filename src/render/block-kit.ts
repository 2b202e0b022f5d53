import type { Comparison, Recommendation } from '../core/index.js';
import { barText, layoutAnswer, reasonTail } from './answer-layout.js';

/**
 * Slack's limits: 50 blocks a message, 3,000 characters a section's text, 2,000 a field, 150 a
 * header, 75 a button's or an option's text, 255 an action_id or block_id, 2,000 a button's value,
 * 150 an option's value, 100 options a select.
 */
export const MAX_BLOCKS = 50;
/** A collapsed answer stays short enough to read in a channel without scrolling. */
export const MAX_COLLAPSED_BLOCKS = 10;
const MAX_SECTION = 3000;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/** Slack mrkdwn control characters in user text: &, <, > must be escaped; nothing else is parsed specially. */
export const escapeMrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A link label: `|` and `>` would end it early. */
const linkLabel = (s: string) => escapeMrkdwn(s).replace(/\|/g, '¦');

export type Block = Record<string, unknown>;
export type SlackMessage = { readonly text: string; readonly blocks: Block[] };
export type BlockOptions = {
  /** the asker's words, shown small under the headline (slash-command answers are private) */
  readonly question?: string;
  /** the reasons and sources shown ("Why" pressed) */
  readonly expanded?: boolean;
  /** a "Share in channel" button beside the others (private answers) */
  readonly share?: boolean;
};

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, MAX_SECTION) } });
const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, 3000) }] });
export const button = (text: string, actionId: string, value: string): Block => ({
  type: 'button',
  text: { type: 'plain_text', text: clip(text, 75), emoji: true },
  action_id: clip(actionId, 255),
  value: clip(value, 2000),
});
const option = (text: string, value: string) => ({
  text: { type: 'plain_text', text: clip(text, 75), emoji: true },
  value: clip(value, 150),
});

/** The value a follow-up option carries: which answer it refines and what was chosen. */
export const followUpValue = (answerId: string, option: string) => `${answerId}|${option}`;
export const WHY_ACTION = 'why';

/**
 * A Recommendation as a Slack message, the same layout as the Teams card: headline, confidence
 * and the asker's words in small print, one sentence, a bar per outcome, next steps, a select per
 * follow-up question, then Why / 👍 / 👎. "Why" (`expanded`) adds the reasons, one line each, and
 * the sources once. Collapsed it is at most ten blocks; always inside Block Kit limits, always
 * with a plain-text fallback.
 */
export function renderRecommendationBlocks(
  r: Recommendation,
  answerId: string,
  options: BlockOptions = {},
): SlackMessage {
  const layout = layoutAnswer(r);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(layout.headline, 150), emoji: true } },
  ];
  const small = [
    ...(layout.badge ? [`*${layout.badge.label}*`] : []),
    ...(options.question ? [`You asked: _${escapeMrkdwn(options.question)}_`] : []),
    ...(layout.carried ? [`${escapeMrkdwn(layout.carried)} · say *new* to start over`] : []),
  ];
  if (small.length > 0) blocks.push(context(small.join(' · ')));
  blocks.push(
    section(escapeMrkdwn(r.verdict === 'unclear' && layout.followUps.length > 0 ? layout.lead : layout.sentence)),
  );
  const width = Math.max(...layout.bars.map((b) => b.label.length));
  blocks.push(
    section(
      layout.bars
        .map((b) => `\`${b.label.padEnd(width)} ${barText(b.cells)}\` ${Math.round(b.score * 100)}%`)
        .join('\n'),
    ),
  );
  if (layout.nextSteps.length > 0)
    blocks.push(
      section(`*${layout.nextTitle}*\n${layout.nextSteps.map((s) => `• <${s.url}|${linkLabel(s.label)}>`).join('\n')}`),
    );
  const unclear = r.verdict === 'unclear';
  const followUps = layout.followUps.map(
    (f): Block => ({
      type: 'section',
      block_id: clip(`followup:${f.id}`, 255),
      text: { type: 'mrkdwn', text: clip(`*${escapeMrkdwn(f.question)}*`, MAX_SECTION) },
      accessory: {
        type: 'static_select',
        action_id: clip(`followup:${f.id}`, 255),
        placeholder: { type: 'plain_text', text: 'Choose one', emoji: true },
        options: (f.options ?? []).slice(0, 100).map((o) => option(o.label, followUpValue(answerId, o.id))),
      },
    }),
  );
  if (unclear) blocks.push(...followUps);
  if (options.expanded) {
    const lines = layout.reasons.map(
      (line) =>
        `• *${line.favours === 'neither' ? 'Neither' : line.favours}* · ${escapeMrkdwn(line.title)}${reasonTail(line, escapeMrkdwn)}`,
    );
    if (lines.length > 0) blocks.push(section(`*${unclear ? 'What I picked up' : 'Why'}*\n${lines.join('\n')}`));
    if (layout.sources.length > 0)
      blocks.push(context(`Sources: ${layout.sources.map((s) => `<${s.url}|${linkLabel(s.label)}>`).join(' · ')}`));
    if (!unclear && followUps.length > 0) blocks.push(section('*What would sharpen it*'), ...followUps);
  }
  const hasMore = layout.reasons.length > 0 || (!unclear && followUps.length > 0);
  blocks.push({
    type: 'actions',
    block_id: 'answer',
    elements: [
      ...(hasMore
        ? [
            options.expanded
              ? button('Hide why', `${WHY_ACTION}:hide`, answerId)
              : button(unclear ? 'Why' : `Why (${layout.reasons.length})`, WHY_ACTION, answerId),
          ]
        : []),
      button('👍', 'feedback:up', answerId),
      button('👎', 'feedback:down', answerId),
      ...(layout.carried ? [button('Start over', 'reset', answerId)] : []),
      ...(options.share ? [button('Share in channel', 'share', answerId)] : []),
    ],
  });
  return { text: clip(layout.fallback, 3000), blocks: blocks.slice(0, MAX_BLOCKS) };
}

export const COMPARE_ACTION = 'compare:detail';

/** The ten takeaways in one section; a select opens one dimension's Spark and PyTorch side by side. */
export function renderComparisonBlocks(c: Comparison, detail?: string): SlackMessage {
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: '⚖️ Spark vs PyTorch', emoji: true } }];
  blocks.push(
    section(c.dimensions.map((d) => `• *${escapeMrkdwn(d.title)}* — ${escapeMrkdwn(d.takeaway)}`).join('\n')),
  );
  const shown = c.dimensions.length === 1 ? c.dimensions[0] : c.dimensions.find((d) => d.id === detail);
  if (shown)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`*${escapeMrkdwn(shown.title)}*`, MAX_SECTION) },
      fields: [
        { type: 'mrkdwn', text: clip(`*Spark*\n${escapeMrkdwn(shown.spark)}`, 2000) },
        { type: 'mrkdwn', text: clip(`*PyTorch*\n${escapeMrkdwn(shown.pytorch)}`, 2000) },
      ],
    });
  if (c.dimensions.length > 1)
    blocks.push({
      type: 'actions',
      block_id: 'compare',
      elements: [
        {
          type: 'static_select',
          action_id: COMPARE_ACTION,
          placeholder: { type: 'plain_text', text: 'Both sides of…', emoji: true },
          options: c.dimensions.slice(0, 100).map((d) => option(d.title, d.id)),
        },
      ],
    });
  const text = c.dimensions.map((d) => `${d.title}: ${d.takeaway}`).join('\n');
  return { text: clip(text, 3000), blocks: blocks.slice(0, MAX_BLOCKS) };
}

export const HELP_TEXT = [
  '*Ask me "Spark or PyTorch?"* — describe the data (size, where it lives), the job (ETL, training, scoring) and how fast answers must come.',
  '• Mention me in a channel, or write to me directly; reply in the thread to refine the answer (a new question in a DM starts fresh; say `new` to drop earlier facts).',
  '• `/spark-or-pytorch compare [dimension]` — side by side (architecture, execution, performance, data-scale, ecosystem, productionisation, latency, hardware, hybrid, team).',
  '• Examples: _We have 40 TB of clickstream in HDFS and need nightly joins_ · _fine-tune a 7B model on 8 A100s, data is 30 GB_ · _score a 2B-row Hive table with a trained PyTorch model every night_',
].join('\n');
