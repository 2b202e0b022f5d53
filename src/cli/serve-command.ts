import type { Command } from './io.js';
import { UsageError } from './io.js';

/** Placeholder: `serve` lands with the bot server (issue 4). */
export const serveCommand: Command = async () => {
  throw new UsageError('serve is not available yet');
};
