import { compare } from '../index.js';
import { renderComparisonText } from '../render/terminal.js';
import { type Command, UsageError } from './io.js';
import { parseArgs } from './parse-args.js';

/** `compare`: Spark and PyTorch side by side on one dimension, or all. */
export const compareCommand: Command = async (args, io) => {
  const { flags, positionals } = parseArgs(args, { booleans: ['json'] });
  if (positionals.length > 1) throw new UsageError(`compare takes one dimension, got ${positionals.length}`);
  const comparison = compare(positionals[0]);
  io.stdout(flags.json ? `${JSON.stringify(comparison, null, 2)}\n` : renderComparisonText(comparison));
  return 0;
};
