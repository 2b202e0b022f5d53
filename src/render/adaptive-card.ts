import type { Comparison, Recommendation, Suggestion } from '../core/index.js';
import { carriedLine, describeConfidence, NEXT_SECTION_TITLE, VERDICT_EMOJI } from './labels.js';

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string; body: unknown[] };
export type CardMessage = { readonly text: string; readonly card: AdaptiveCard };

const card = (body: unknown[], actions: unknown[] = []): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...(actions.length > 0 ? { actions } : {}),
});
const text = (t: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: t, wrap: true, ...extra });
/** Adaptive Card text is Markdown: keep user words from becoming links or formatting. */
const plain = (s: string) => s.replace(/[\\*_[\]()<>#`~]/g, (c) => `\\${c}`);

const suggestions = (items: readonly Suggestion[]) =>
  items
    .slice(0, 6)
    .map((s) => text(`**${plain(s.name)}** — ${plain(s.why)} [source](${s.sources[0] ?? ''})`, { spacing: 'Small' }));

/** A Recommendation as an Adaptive Card 1.5 with follow-up and feedback buttons (Action.Submit). */
export function renderRecommendationCard(r: Recommendation, answerId: string): CardMessage {
  const body: unknown[] = [
    text(`${VERDICT_EMOJI[r.verdict]} ${r.headline}`, { size: 'Large', weight: 'Bolder' }),
    text(`Confidence: ${describeConfidence(r.confidence)}`, { isSubtle: true, spacing: 'None' }),
    text(plain(r.summary)),
  ];
  const carried = carriedLine(r);
  if (carried) body.push(text(`${plain(carried)} · say **new** to start over`, { isSubtle: true, spacing: 'Small' }));
  const reasons = r.reasons.slice(0, 6);
  if (reasons.length > 0) {
    body.push(text(r.verdict === 'unclear' ? 'What I picked up' : 'Why', { weight: 'Bolder', spacing: 'Medium' }));
    for (const reason of reasons) {
      const said = reason.evidence ? ` — you said ${plain(reason.evidence)}` : '';
      body.push(
        text(`**${plain(reason.title)}**${said}. ${plain(reason.explanation)} [source](${reason.source})`, {
          spacing: 'Small',
        }),
      );
    }
  }
  const next = [...r.bridges, ...r.alternatives, ...r.serving, ...r.practices];
  if (next.length > 0)
    body.push(text(NEXT_SECTION_TITLE[r.verdict], { weight: 'Bolder', spacing: 'Medium' }), ...suggestions(next));
  for (const f of r.followUps.slice(0, 3)) {
    body.push(text(plain(f.question), { weight: 'Bolder', spacing: 'Medium' }));
    body.push({
      type: 'ActionSet',
      actions: (f.options ?? []).slice(0, 5).map((o) => ({
        type: 'Action.Submit',
        title: o.label,
        data: { kind: 'followup', answerId, followUp: f.id, option: o.id },
      })),
    });
  }
  const actions = [
    { type: 'Action.Submit', title: '👍 Helpful', data: { kind: 'feedback', answerId, vote: 'up' } },
    { type: 'Action.Submit', title: '👎 Not helpful', data: { kind: 'feedback', answerId, vote: 'down' } },
    ...(carried ? [{ type: 'Action.Submit', title: 'Start over', data: { kind: 'reset', answerId } }] : []),
  ];
  return { text: `${r.headline} (confidence ${r.confidence.toFixed(2)}): ${r.summary}`, card: card(body, actions) };
}

/** Spark and PyTorch side by side, one pair of columns per dimension. */
export function renderComparisonCard(c: Comparison): CardMessage {
  const body: unknown[] = [text('Spark vs PyTorch', { size: 'Large', weight: 'Bolder' })];
  for (const d of c.dimensions) {
    body.push(text(`**${d.title}** — ${d.takeaway}`, { spacing: 'Medium' }));
    body.push({
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [text('**Spark**'), text(d.spark, { spacing: 'None' })] },
        { type: 'Column', width: 'stretch', items: [text('**PyTorch**'), text(d.pytorch, { spacing: 'None' })] },
      ],
    });
  }
  return { text: c.dimensions.map((d) => `${d.title}: ${d.takeaway}`).join('\n'), card: card(body) };
}

export const TEAMS_HELP =
  'Ask me "Spark or PyTorch?" — describe the data (size, where it lives), the job (ETL, training, scoring) and how fast answers must come. ' +
  'In a chat, a new question starts fresh and a short follow-up ("it is about 40 TB") refines the last answer. ' +
  'Commands: help · new (drop earlier facts) · compare [dimension] (architecture, execution, performance, data-scale, ecosystem, productionisation, latency, hardware, hybrid, team).';
