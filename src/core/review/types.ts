import { z } from 'zod';
import { FactsSchema, FollowUpSchema, ReasonSchema, SuggestionSchema } from '../types.js';

export const ChangeSchema = z.object({
  framework: z.string(),
  /** PySpark vs Spark on the JVM, PyTorch vs libtorch/DJL */
  family: z.enum(['python', 'jvm']),
  change: z.enum(['added', 'removed', 'bumped']),
  via: z.enum(['direct', 'transitive']),
  ecosystem: z.string(),
  file: z.string(),
  line: z.number().int().nonnegative(),
  evidence: z.string(),
  /** the package that brings the framework in (the framework's own package when direct) */
  package: z.string(),
  from: z.string().optional(),
  to: z.string().optional(),
  /** in a notebook: the cell (1-based, in file order) and the line inside its source */
  cell: z.object({ index: z.number().int().positive(), line: z.number().int().positive() }).optional(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const CodeLineSchema = z.object({ file: z.string(), line: z.number().int(), text: z.string() });

export const AssessmentSchema = z.object({
  framework: z.string(),
  name: z.string(),
  fit: z.enum(['fits', 'consider-alternative', 'unclear']),
  verdict: z.string(),
  confidence: z.number(),
  summary: z.string(),
  reasons: z.array(ReasonSchema),
  /** the added code lines the usage facts came from */
  lines: z.array(CodeLineSchema),
  alternatives: z.array(SuggestionSchema),
  bridges: z.array(SuggestionSchema),
  /** what would settle an unclear case: answer them under `answers:` in the configuration */
  followUps: z.array(FollowUpSchema),
  /** policy from the repository configuration: approved, justify, or none */
  policy: z.enum(['approved', 'justify', 'none']),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const KnownSchema = z.object({
  framework: z.string(),
  /** PySpark vs Spark on the JVM, PyTorch vs libtorch/DJL */
  family: z.enum(['python', 'jvm']),
  file: z.string(),
  line: z.number().int().nonnegative(),
});

export const FirstUseSchema = z.object({
  framework: z.string(),
  file: z.string(),
  line: z.number().int().nonnegative(),
  evidence: z.string(),
  /** where the base already declares it */
  declaredIn: z.string(),
});

export const ReviewSchema = z.object({
  changes: z.array(ChangeSchema),
  frameworksAdded: z.array(z.string()),
  frameworksRemoved: z.array(z.string()),
  assessments: z.array(AssessmentSchema),
  /** files left out by the configuration's ignore globs or because they could not be read */
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
  facts: FactsSchema,
  /** what the base branch already declares (so it is not "added") */
  alreadyDeclared: z.array(KnownSchema),
  /** frameworks the base declares that the new code imports (not "added") */
  firstUses: z.array(FirstUseSchema),
  /** what could not be read (truncated tree, failed calls): the review fell back to the diff alone */
  notes: z.array(z.string()),
  markdown: z.string(),
});
export type Review = z.infer<typeof ReviewSchema>;
