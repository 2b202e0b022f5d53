import { z } from 'zod';
import { DEFAULT_CONFIG } from './default-config.js';

export { DEFAULT_CONFIG };

/** `.github/spark-or-pytorch.yml`: what the code cannot show, what to skip, and the policy. */
export const RepoConfigSchema = z.strictObject({
  /** free text about the situation, read like a question: "40 TB in Hive, no GPUs, nightly batch" */
  context: z.string().max(4000).optional(),
  /** answers to the follow-up questions, by id (see `spark-or-pytorch ask` for ids and options) */
  answers: z.record(z.string(), z.string()).default({}),
  /** globs of paths to leave out (monorepos, vendored code, examples) */
  ignore: z.array(z.string().min(1)).default([]),
  policy: z
    .strictObject({
      /** frameworks the organisation has approved: no justification asked */
      approved: z.array(z.string()).default([]),
      /** frameworks a pull request must justify in its description */
      justify: z.array(z.string()).default([]),
    })
    .default({ approved: [], justify: [] }),
});
export type RepoConfig = z.infer<typeof RepoConfigSchema>;

export type ConfigIssue = { readonly path: string; readonly message: string };

/** Validates parsed YAML; every problem is returned with its path. */
export function parseRepoConfig(data: unknown): { config: RepoConfig; issues: ConfigIssue[] } {
  const parsed = RepoConfigSchema.safeParse(data ?? {});
  if (parsed.success) return { config: parsed.data, issues: [] };
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(top level)',
    message: i.code === 'unrecognized_keys' ? `unknown key(s): ${i.keys.join(', ')}` : i.message,
  }));
  return { config: DEFAULT_CONFIG, issues };
}
