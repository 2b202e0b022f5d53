import { z } from 'zod';

/**
 * The shape of every file under knowledge/. Each section is one YAML file; the schema is the
 * type. Cross-references (a criterion naming a signal, a follow-up asserting one) are checked
 * after parsing, in compile-knowledge.ts, so that every problem is reported at once.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'ids are lower-case words joined by . _ or -');
const url = z.url({ protocol: /^https?$/ });
const phrase = z.string().min(1);

export const LanguageSchema = z.object({
  /** tokens that negate what follows them within the same clause */
  negators: z.array(phrase).min(1),
  /** how many tokens before a match a negator may stand */
  negationWindow: z.number().int().min(1).max(8),
  /** phrases right after a match that negate it ("GPUs are not available") */
  postNegations: z.array(phrase),
  postNegationWindow: z.number().int().min(0).max(6),
  /** negator phrases that express doubt, not denial ("not sure"): the signal is dropped */
  uncertainty: z.array(phrase),
  /** words shortly before a mention that make it a maybe ("maybe some deep learning later"): it is dropped */
  hedges: z.array(phrase).default([]),
  /** negator phrases that do not negate at all ("not only") */
  notNegating: z.array(phrase),
  /** words that end a clause, like punctuation does ("but", "however") */
  clauseBreaks: z.array(z.string()),
  /** number words: "two" → 2, "a few" → 3 */
  numberWords: z.record(z.string(), z.number()),
  /** magnitude words multiply: "hundred" → 100, "billion" → 1e9; plurals imply several */
  magnitudes: z.record(z.string(), z.number()),
  /** multiplier suffixes glued to a number: "10k", "2B", "1.5bn" */
  suffixMultipliers: z.record(z.string(), z.number()),
  /** up to two words may stand between a number and its unit ("3 billion user-item interactions")
   * unless one of these ends the search ("30 days of events" is not 30 events) */
  unitStopWords: z.array(z.string()).default([]),
  /** quantity assumed for a plural unit with no number ("terabytes of logs") */
  impliedQuantity: z.number().positive(),
});

const ConditionSchema = z.object({
  all: z.array(id).default([]),
  any: z.array(id).default([]),
  none: z.array(id).default([]),
});

export const SignalSchema = z.object({
  id,
  label: z.string().min(1),
  /** a group answers one question (scale, task, latency, ...); follow-ups ask about missing groups */
  group: id,
  /** phrases in prose that assert the signal */
  patterns: z.array(phrase).default([]),
  /** phrases that, where they overlap a match, mean something else ("docker image" is not image data) */
  except: z.array(phrase).default([]),
  /** phrases in code (tokenised the same way) that assert the signal */
  codePatterns: z.array(phrase).default([]),
  /** what a negated mention means: another signal that then holds; absent → the mention is dropped */
  whenNegated: id.optional(),
  /** signals this one makes irrelevant when both are present (more specific wins) */
  overrides: z.array(id).default([]),
  /** a newer fact with this signal replaces older facts of the same group ("actually it's 20 GB") */
  replacesGroup: z.boolean().default(false),
  /** the signal also holds when any of these conditions does (e.g. training + neural model) */
  derivedFrom: z.array(ConditionSchema).default([]),
  /**
   * a fact about how one message asks ("which should we pick?"), not about the situation: it is
   * not carried into the next message of a conversation, which answers or adds to it
   */
  perMessage: z.boolean().default(false),
});

const LevelSchema = z.object({
  gte: z.number().optional(),
  lt: z.number().optional(),
  signal: id,
});

export const MeasureSchema = z.object({
  id,
  label: z.string(),
  /** a unit right next to one of these phrases is not this measure ("80GB A100", "64 GB RAM") */
  notNear: z.array(phrase).default([]),
  units: z
    .array(
      z.object({
        phrase,
        factor: z.number().positive(),
        /** a plural unit that means "several" when no number stands before it */
        implied: z.boolean().default(false),
      }),
    )
    .min(1),
  /** a number must be present for this measure unless the unit is marked implied */
  levels: z.array(LevelSchema).min(1),
  /** a named product's `memoryGb` (an accelerator from the catalogue) is recorded as this measure */
  fromProductMemory: z.boolean().default(false),
  /** levels relative to another measure in the same text ("35 GB" against "64 GB of RAM") */
  against: z
    .array(
      z.object({
        measure: id,
        /** this measure ÷ the other one */
        ratioGte: z.number().nonnegative().optional(),
        ratioLt: z.number().positive().optional(),
        signal: id,
      }),
    )
    .default([]),
});

export const CriterionSchema = z.object({
  id,
  title: z.string().min(1),
  favours: id,
  weight: z.number().positive().max(10),
  when: ConditionSchema,
  explanation: z.string().min(20),
  sources: z.array(url).min(1),
  suggests: z.array(id).default([]),
  /** the comparison dimension this criterion belongs to, for `compare` cross-links */
  dimension: id.optional(),
});

export const OutcomeSchema = z.object({
  id,
  headline: z.string().min(1),
  summary: z.string().min(1),
  /**
   * A composite outcome (e.g. both) also scores `factor × min(part scores)`; once it has evidence
   * of its own it absorbs `absorb × each part's score`, since its parts' evidence supports it.
   * Its parts are not its rivals when the margin is measured.
   */
  composite: z
    .object({
      of: z.array(id).min(2),
      factor: z.number().min(0).max(1),
      absorb: z.number().min(0).max(1).default(0),
    })
    .optional(),
});

export const ScoringSchema = z.object({
  maxFollowUps: z.number().int().min(1).max(5),
  /** below this confidence a decided verdict also offers follow-ups */
  followUpBelow: z.number().min(0).max(1),
  /** outcome used for abstention */
  abstain: id,
  abstainHeadline: z.string(),
  /** the unclear answer's text; {missing} becomes what the question did not say */
  abstainSummary: z.string().includes('{missing}'),
  /** the unclear answer's text when everything is said but the facts point different ways */
  conflictSummary: z.string(),
});

export const OutcomesFileSchema = z.object({
  outcomes: z.array(OutcomeSchema).min(2),
  scoring: ScoringSchema,
});

export const SuggestionSchema = z.object({
  id,
  name: z.string().min(1),
  kind: z.enum(['bridge', 'alternative', 'serving', 'practice']),
  why: z.string().min(20),
  sources: z.array(url).min(1),
});

export const FollowUpSchema = z.object({
  id,
  question: z.string().min(5),
  /** what the question did not say, for the unclear answer's text ("how much data one run reads") */
  missing: z.string().min(5),
  priority: z.number().int(),
  /** ask only when none of these groups has a signal yet */
  asksAbout: z.array(id).min(1),
  /** the verdict cannot be given without this fact: while it is missing the answer may be unclear,
   * once every decisive fact is known it may not */
  decisive: z.boolean().default(false),
  options: z
    .array(
      z.object({
        id,
        label: z.string().min(1),
        asserts: z.array(id).min(1),
      }),
    )
    .min(2),
});

export const DimensionSchema = z.object({
  id,
  aliases: z.array(z.string()).default([]),
  title: z.string().min(1),
  spark: z.string().min(20),
  pytorch: z.string().min(20),
  takeaway: z.string().min(10),
  sources: z.array(url).min(1),
});

/** A named product, library, service, format or dataset, and the role it plays. */
export const CatalogueEntrySchema = z.object({
  id,
  name: z.string().min(1),
  /** how people write it; matched on whole words, longest first, before any phrase signal */
  aliases: z.array(z.string().min(1)).min(1),
  role: id,
  source: url,
  /** per-device memory, for accelerators */
  memoryGb: z.number().positive().optional(),
  /** signals that naming it asserts (Databricks → a Spark platform in use) */
  signals: z.array(id).default([]),
});

/** What naming a product of this role tells about the situation. */
export const ToolRoleSchema = z.object({
  id,
  title: z.string().min(1),
  /** signals that naming any product of this role asserts (a GPU model → GPUs are available) */
  signals: z.array(id).default([]),
  /** do those signals hold even when a product is only asked about (a status with `implies:
   * false`)? "Should we fine-tune BERT?" is neural work already; "should we use PyTorch?" is not */
  alwaysImplies: z.boolean().default(false),
  explanation: z.string().min(20),
  sources: z.array(url).min(1),
});

/**
 * How a mention stands in the asker's situation: in use now, requested, planned, being replaced,
 * rejected, another stage, hypothetical. Cue phrases before (or after) a mention, in its clause.
 */
export const MentionStatusSchema = z.object({
  id,
  label: z.string().min(1),
  /** does a mention with this status count as a plain fact for the criteria? */
  counts: z.boolean(),
  /** do the signals a name implies hold in this status? ("should we use PyTorch?" says nothing yet
   * about neural networks, "we train with PyTorch" does) */
  implies: z.boolean().default(true),
  before: z.array(phrase).default([]),
  after: z.array(phrase).default([]),
  /** a sentence added to the answer naming the products in this status; {names} is replaced */
  note: z.string().includes('{names}').optional(),
});

export const MentionsSchema = z.object({
  /** how many tokens a cue may stand from the mention, within its clause */
  window: z.number().int().min(1).max(10),
  /** the status of a mention with no cue */
  plain: id,
  /** the status of a negated mention ("no Spark", "we don't want PyTorch") */
  negated: id,
  /** the status of a mention in doubt ("not sure whether Hadoop stays") */
  doubted: id,
  statuses: z.array(MentionStatusSchema).min(1),
  /** signal groups whose facts the model also sees paired with each product role ("Spark in use" + "a job that fails") */
  crossWith: z.array(id).default([]),
  /**
   * Tokens that join named products into one list ("Spark, PyTorch or DuckDB?"): a cue before the
   * list or after it stands for every name in it. Punctuation counts as the token it is (",").
   */
  listJoiners: z.array(z.string().min(1)).default([]),
});

/** When a chat message continues the conversation and when it starts fresh. */
export const ConversationSchema = z.object({
  /** a fact in one of these signal groups is a task of its own: the message starts fresh */
  freshGroups: z.array(id).min(1),
  /** a product named in one of these statuses is a framework question of its own */
  freshStatuses: z.array(id).default([]),
  /** how long a chat remembers its facts after its last message */
  chatMemorySeconds: z.number().int().positive(),
});

/** Fitted by `npm run knowledge:fit`: a linear model over features, one weight per outcome. */
export const ModelSchema = z.object({
  outcomes: z.array(id).min(2),
  temperature: z.number().positive(),
  /** a criterion the fit never saw (added since) counts its hand-set weight times this */
  priorScale: z.number().positive(),
  bias: z.record(z.string(), z.number()),
  weights: z.record(z.string(), z.record(z.string(), z.number())),
});

export const SignalsFileSchema = z.object({ signals: z.array(SignalSchema).min(1) });
export const MeasuresFileSchema = z.object({ measures: z.array(MeasureSchema).min(1) });
export const CriteriaFileSchema = z.object({ criteria: z.array(CriterionSchema).min(1) });
export const SuggestionsFileSchema = z.object({ suggestions: z.array(SuggestionSchema).min(1) });
export const FollowUpsFileSchema = z.object({ followUps: z.array(FollowUpSchema).min(1) });
export const DimensionsFileSchema = z.object({ dimensions: z.array(DimensionSchema).min(1) });

export type LanguageData = z.infer<typeof LanguageSchema>;
export type SignalData = z.infer<typeof SignalSchema>;
export type MeasureData = z.infer<typeof MeasureSchema>;
export type ConditionData = z.infer<typeof ConditionSchema>;
export type CriterionData = z.infer<typeof CriterionSchema>;
export type OutcomeData = z.infer<typeof OutcomeSchema>;
export type ScoringData = z.infer<typeof ScoringSchema>;
export type SuggestionData = z.infer<typeof SuggestionSchema>;
export type FollowUpData = z.infer<typeof FollowUpSchema>;
export type DimensionData = z.infer<typeof DimensionSchema>;
export type CatalogueEntryData = z.infer<typeof CatalogueEntrySchema>;
export type ToolRoleData = z.infer<typeof ToolRoleSchema>;
export type MentionStatusData = z.infer<typeof MentionStatusSchema>;
export type MentionsData = z.infer<typeof MentionsSchema>;
export type ModelData = z.infer<typeof ModelSchema>;
export type ConversationData = z.infer<typeof ConversationSchema>;
