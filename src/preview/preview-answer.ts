import { z } from 'zod';
import { type Answers, ask, compare, FactsSchema } from '../index.js';
import { type AdaptiveCard, renderComparisonCard, renderRecommendationCard } from '../render/adaptive-card.js';
import { type Block, renderComparisonBlocks, renderRecommendationBlocks } from '../render/block-kit.js';
import { review } from '../review.js';

/** What the preview page sends: a question (with the facts and choices so far), or a comparison. */
export const PreviewRequestSchema = z.union([
  z.strictObject({
    question: z.string().max(40_000),
    context: FactsSchema.optional(),
    answers: z.record(z.string().max(100), z.string().max(100)).optional(),
    diff: z.string().max(200_000).optional(),
  }),
  z.strictObject({ compare: z.literal(true), detail: z.string().max(100).optional() }),
]);
export type PreviewRequest = z.infer<typeof PreviewRequestSchema>;

export type PreviewAnswer = {
  readonly verdict: string;
  /** the facts to send back with the next follow-up answer (absent for a comparison) */
  readonly facts?: unknown;
  readonly teams: { readonly summary: string; readonly card: AdaptiveCard };
  readonly slack: { readonly text: string; readonly collapsed: Block[]; readonly expanded: Block[] };
  /** the PR comment's Markdown for the sample diff with the question as the PR's description */
  readonly markdown?: string;
};

/** A requirements file adding PyTorch: the pull request the question is previewed on. */
export const SAMPLE_DIFF = [
  'diff --git a/requirements.txt b/requirements.txt',
  '--- a/requirements.txt',
  '+++ b/requirements.txt',
  '@@ -1,2 +1,3 @@',
  ' pandas==2.2.2',
  ' pyarrow==16.1.0',
  '+torch==2.4.0',
  '',
].join('\n');

/** Every platform's rendering of one answer, from the same renderers the bots and the Action use. */
export function previewAnswer(request: PreviewRequest): PreviewAnswer {
  if ('compare' in request) {
    const c = compare();
    const card = renderComparisonCard(c);
    return {
      verdict: 'compare',
      teams: { summary: card.text, card: card.card },
      slack: {
        text: card.text,
        collapsed: renderComparisonBlocks(c).blocks,
        expanded: renderComparisonBlocks(c, request.detail).blocks,
      },
    };
  }
  const answers: Answers = request.answers ?? {};
  const r = ask(request.context ? '' : request.question, {
    ...(request.context ? { context: request.context } : {}),
    ...(Object.keys(answers).length > 0 ? { answers } : {}),
  });
  const card = renderRecommendationCard(r, 'preview');
  const collapsed = renderRecommendationBlocks(r, 'preview');
  const pr = review(request.diff ?? SAMPLE_DIFF, { prTitle: 'Add a framework', prBody: request.question });
  return {
    verdict: r.verdict,
    facts: r.facts,
    teams: { summary: card.text, card: card.card },
    slack: {
      text: collapsed.text,
      collapsed: collapsed.blocks,
      expanded: renderRecommendationBlocks(r, 'preview', { expanded: true }).blocks,
    },
    markdown: pr.markdown,
  };
}
