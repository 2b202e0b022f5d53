import type { RepoConfig } from './config.js';

/**
 * The configuration of a repository without `.github/spark-or-pytorch.yml`: what the schema
 * gives for `{}` (a test holds them equal). A plain object, so a review needs no schema library.
 */
export const DEFAULT_CONFIG: RepoConfig = { answers: {}, ignore: [], policy: { approved: [], justify: [] } };
