import { z } from 'zod';

/** Verdicts a Recommendation can carry. `unclear` is the engine's own abstention. */
export const VerdictSchema = z.enum(['spark', 'pytorch', 'both', 'neither', 'unclear']);
export type Verdict = z.infer<typeof VerdictSchema>;

/** A span of the user's own text: what a reason quotes. */
export const EvidenceSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** One fact the engine knows: a signal id that holds, with where it came from. */
export const FactSchema = z.object({
  signal: z.string(),
  evidence: z.string(),
  /** where the fact came from: the question text, an answer to a follow-up, code, or config */
  origin: z.enum(['text', 'answer', 'context', 'code', 'config']),
  /** how the mention stands: in use now, requested, being replaced, … (absent: plainly stated) */
  status: z.string().optional(),
  /** the catalogue entry named, when the fact comes from a product name */
  tool: z.string().optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
export type Fact = z.infer<typeof FactSchema>;

export const MeasurementSchema = z.object({
  measure: z.string(),
  value: z.number(),
  evidence: z.string(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
export type Measurement = z.infer<typeof MeasurementSchema>;

/** Everything extracted from one piece of text (or merged over a conversation). */
export const FactsSchema = z.object({
  facts: z.array(FactSchema),
  /** signals the text explicitly negated ("we don't have GPUs"): they block follow-ups on them */
  negated: z.array(FactSchema),
  measurements: z.array(MeasurementSchema),
});
export type Facts = z.infer<typeof FactsSchema>;

export const ReasonSchema = z.object({
  criterion: z.string(),
  title: z.string(),
  favours: z.string(),
  weight: z.number(),
  /** the user's words that triggered this criterion, joined when several did */
  evidence: z.string(),
  explanation: z.string(),
  source: z.string(),
  sources: z.array(z.string()),
});
export type Reason = z.infer<typeof ReasonSchema>;

export const FollowUpOptionSchema = z.object({ id: z.string(), label: z.string() });
export const FollowUpSchema = z.object({
  id: z.string(),
  question: z.string(),
  options: z.array(FollowUpOptionSchema).optional(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const SuggestionSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** bridge (join Spark and PyTorch), alternative (use instead), serving (how to serve), practice (how to do it well) */
  kind: z.enum(['bridge', 'alternative', 'serving', 'practice']),
  why: z.string(),
  sources: z.array(z.string()),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const RecommendationSchema = z.object({
  verdict: VerdictSchema,
  confidence: z.number().min(0).max(1),
  headline: z.string(),
  summary: z.string(),
  reasons: z.array(ReasonSchema),
  followUps: z.array(FollowUpSchema),
  alternatives: z.array(SuggestionSchema),
  bridges: z.array(SuggestionSchema),
  serving: z.array(SuggestionSchema),
  practices: z.array(SuggestionSchema),
  scores: z.record(z.string(), z.number()),
  /** the facts this answer rests on: pass them back as `context` to refine in a thread */
  facts: FactsSchema,
  /** the asker's earlier words this answer used (facts carried over from the conversation) */
  carried: z.array(z.string()),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const ComparisonRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  spark: z.string(),
  pytorch: z.string(),
  takeaway: z.string(),
  sources: z.array(z.string()),
});
export const ComparisonSchema = z.object({ dimensions: z.array(ComparisonRowSchema) });
export type ComparisonRow = z.infer<typeof ComparisonRowSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;

/** Earlier answers to follow-up questions: follow-up id → option id. */
export const AnswersSchema = z.record(z.string(), z.string());
export type Answers = z.infer<typeof AnswersSchema>;
