import { z } from 'zod';

/**
 * Frameworks the review detects, and the package names that bring them in per ecosystem.
 * Owned by the pull-request review; extend here, not in engine code.
 */
const id = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/);

export const FrameworkSchema = z.object({
  id,
  name: z.string().min(1),
  /** the outcome id in outcomes.yaml this framework corresponds to */
  outcome: id,
  /** package names that are the framework itself, per ecosystem (pip, conda, maven, ...) */
  packages: z.record(z.string(), z.array(z.string())),
  /** packages that pull the framework in: reported as transitive, naming the package */
  transitive: z.record(z.string(), z.array(z.string())).default({}),
  /** names that look like the framework but are not it */
  lookalikes: z.array(z.string()).default([]),
  /** python import roots (`import torch`, `from pyspark.sql import ...`) */
  imports: z.array(z.string()).default([]),
});

export const FrameworksFileSchema = z.object({ frameworks: z.array(FrameworkSchema).min(1) });
export type FrameworkData = z.infer<typeof FrameworkSchema>;
