import type { Command } from './io.js';
import { UsageError } from './io.js';

/** Placeholder: `review` lands with the pull-request review work (issue 3). */
export const reviewCommand: Command = async () => {
  throw new UsageError('review is not available yet');
};
