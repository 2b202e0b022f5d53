import type { Comparison, FollowUp, Recommendation } from '../core/index.js';
import { type AnswerLayout, barText, layoutAnswer, type ReasonLine, reasonTail } from './answer-layout.js';

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string; body: unknown[] };
/** A card and its one-line summary: the activity's summary and the card's fallback, never a second message. */
export type CardMessage = { readonly text: string; readonly card: AdaptiveCard };

/** Ids of the parts a reader opens on demand. */
export const WHY_ID = 'why';
/** The Input.ChoiceSet id for a follow-up question: the submitted value carries the chosen option under it. */
export const followUpInputId = (followUp: string) => `followup:${followUp}`;

const card = (body: unknown[], actions: unknown[], fallbackText: string): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  fallbackText,
  body,
  ...(actions.length > 0 ? { actions } : {}),
});
const text = (t: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: t, wrap: true, ...extra });
/**
 * Words of the asker go into TextRuns, which Teams never reads as Markdown: nothing to escape, so
 * nothing shows a stray backslash, and nothing the asker typed becomes a link or formatting.
 */
const run = (t: string, extra: Record<string, unknown> = {}) => ({ type: 'TextRun', text: t, ...extra });
const rich = (inlines: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'RichTextBlock',
  inlines,
  ...extra,
});
/** A Markdown link label from our own knowledge: only the brackets could break it. */
const linkLabel = (s: string) => s.replace(/[[\]]/g, '');
const BADGE_COLOR = { high: 'Good', moderate: 'Warning', low: 'Attention' } as const;

function barsFacts(layout: AnswerLayout) {
  return {
    type: 'FactSet',
    spacing: 'Small',
    facts: layout.bars.map((b) => ({ title: b.label, value: `${barText(b.cells)} ${Math.round(b.score * 100)}%` })),
  };
}

/** The button that sends the chosen follow-up answers (Action.Submit gathers every input on the card). */
const answerAction = (answerId: string) => ({
  type: 'Action.Submit',
  title: 'Answer',
  style: 'positive',
  data: { kind: 'followup', answerId },
});

/** One Input.ChoiceSet per question: a compact drop-down never cuts a label. */
const followUpInputs = (followUps: readonly FollowUp[]) =>
  followUps.map((f) => ({
    type: 'Input.ChoiceSet',
    id: followUpInputId(f.id),
    label: f.question,
    style: 'compact',
    placeholder: 'Choose one',
    spacing: 'Small',
    choices: (f.options ?? []).map((o) => ({ title: o.label, value: o.id })),
  }));
const inlineAnswer = (answerId: string) => ({ type: 'ActionSet', spacing: 'Small', actions: [answerAction(answerId)] });
/** At most four buttons in the card's row: five do not fit a 360 px phone without cutting a label. */
const MAX_ROW = 4;

const reasonBlock = (line: ReasonLine) =>
  rich(
    [
      run(`${line.favours === 'neither' ? 'Neither' : line.favours} · `, { weight: 'Bolder', color: 'Accent' }),
      run(line.title),
      ...(line.quotes.length > 0
        ? [
            run(
              reasonTail(line, (q) => q),
              { isSubtle: true },
            ),
          ]
        : []),
    ],
    { spacing: 'Small' },
  );

/**
 * A Recommendation as an Adaptive Card 1.5: at a glance the headline, one sentence, a confidence
 * badge, a bar per outcome and the next steps (or, when unclear, the questions to answer); the
 * reasons and sources behind "Why" (Action.ToggleVisibility). Buttons carry `answerId`.
 */
export function renderRecommendationCard(r: Recommendation, answerId: string): CardMessage {
  const layout = layoutAnswer(r);
  const body: unknown[] = [
    text(layout.headline, { size: 'Large', weight: 'Bolder' }),
    text(layout.verdict === 'unclear' && layout.followUps.length > 0 ? layout.lead : layout.sentence, {
      spacing: 'Small',
    }),
  ];
  if (layout.badge)
    body.push(
      text(layout.badge.label, {
        size: 'Small',
        weight: 'Bolder',
        color: BADGE_COLOR[layout.badge.level],
        spacing: 'Small',
      }),
    );
  if (layout.carried)
    body.push(rich([run(`${layout.carried} · say “new” to start over`, { isSubtle: true, size: 'Small' })]));
  body.push(text('How the outcomes scored', { isSubtle: true, size: 'Small', spacing: 'Medium', separator: true }));
  body.push(barsFacts(layout));
  const unclear = layout.verdict === 'unclear';
  if (layout.nextSteps.length > 0)
    body.push(
      text(layout.nextTitle, { weight: 'Bolder', spacing: 'Medium' }),
      text(layout.nextSteps.map((s) => `- [${linkLabel(s.label)}](${s.url})`).join('\n'), { spacing: 'Small' }),
    );
  if (unclear) body.push(...followUpInputs(layout.followUps));
  const why: unknown[] = [];
  if (layout.reasons.length > 0)
    why.push(
      text(unclear ? 'What I picked up' : 'Why', { weight: 'Bolder' }),
      ...layout.reasons.map(reasonBlock),
      text(`Sources: ${layout.sources.map((s) => `[${linkLabel(s.label)}](${s.url})`).join(' · ')}`, {
        size: 'Small',
        isSubtle: true,
      }),
    );
  if (!unclear && layout.followUps.length > 0)
    why.push(
      text('What would sharpen it', { weight: 'Bolder', spacing: 'Medium' }),
      ...followUpInputs(layout.followUps),
      inlineAnswer(answerId),
    );
  if (why.length > 0)
    body.push({ type: 'Container', id: WHY_ID, isVisible: false, separator: true, spacing: 'Medium', items: why });
  const actions = [
    ...(why.length > 0
      ? [
          {
            type: 'Action.ToggleVisibility',
            title: unclear ? 'Why' : `Why (${layout.reasons.length})`,
            targetElements: [WHY_ID],
          },
        ]
      : []),
    { type: 'Action.Submit', title: '👍', tooltip: 'Helpful', data: { kind: 'feedback', answerId, vote: 'up' } },
    { type: 'Action.Submit', title: '👎', tooltip: 'Not helpful', data: { kind: 'feedback', answerId, vote: 'down' } },
    ...(layout.carried ? [{ type: 'Action.Submit', title: 'Start over', data: { kind: 'reset', answerId } }] : []),
  ];
  // the questions are the point of an unclear card: their Answer leads the row when it fits there
  if (unclear && layout.followUps.length > 0) {
    if (actions.length < MAX_ROW) actions.unshift(answerAction(answerId));
    else body.push(inlineAnswer(answerId));
  }
  return { text: layout.fallback, card: card(body, actions, layout.fallback) };
}

/** The ten takeaways at a glance; a dimension's Spark and PyTorch details open on a tap. */
export function renderComparisonCard(c: Comparison): CardMessage {
  const body: unknown[] = [
    text('⚖️ Spark vs PyTorch', { size: 'Large', weight: 'Bolder' }),
    text(c.dimensions.length > 1 ? 'Tap a line for both sides.' : 'Both sides:', {
      isSubtle: true,
      size: 'Small',
      spacing: 'None',
    }),
  ];
  const open = c.dimensions.length === 1;
  for (const d of c.dimensions) {
    const id = `dimension-${d.id}`;
    body.push({
      type: 'Container',
      spacing: 'Small',
      ...(open ? {} : { selectAction: { type: 'Action.ToggleVisibility', title: d.title, targetElements: [id] } }),
      items: [text(`**${d.title}** — ${d.takeaway}`, { size: 'Small' })],
    });
    body.push({
      type: 'Container',
      id,
      isVisible: open,
      spacing: 'Small',
      style: 'emphasis',
      items: [
        {
          type: 'ColumnSet',
          columns: [
            {
              type: 'Column',
              width: 'stretch',
              items: [text('**Spark**'), text(d.spark, { spacing: 'None', size: 'Small' })],
            },
            {
              type: 'Column',
              width: 'stretch',
              items: [text('**PyTorch**'), text(d.pytorch, { spacing: 'None', size: 'Small' })],
            },
          ],
        },
        ...(d.sources.length > 0
          ? [text(d.sources.map((s, i) => `[source ${i + 1}](${s})`).join(' · '), { size: 'Small', spacing: 'Small' })]
          : []),
      ],
    });
  }
  const summary = c.dimensions.map((d) => `${d.title}: ${d.takeaway}`).join('\n');
  return { text: summary, card: card(body, [], summary) };
}

export const TEAMS_HELP =
  'Ask me "Spark or PyTorch?" — describe the data (size, where it lives), the job (ETL, training, scoring) and how fast answers must come. ' +
  'In a chat, a new question starts fresh and a short follow-up ("it is about 40 TB") refines the last answer. ' +
  'Commands: help · new (drop earlier facts) · compare [dimension] (architecture, execution, performance, data-scale, ecosystem, productionisation, latency, hardware, hybrid, team).';
