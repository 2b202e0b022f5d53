import { ask } from '../index.js';
import { ANSI, PLAIN, renderRecommendationText } from '../render/terminal.js';
import { type Command, UsageError } from './io.js';
import { parseArgs } from './parse-args.js';

export const ASK_USAGE = 'usage: spark-or-pytorch ask [--json] [--answer QUESTION=OPTION]... [TEXT... | -]';

/** `ask`: recommends for TEXT, or for standard input when TEXT is absent or `-`. */
export const askCommand: Command = async (args, io) => {
  const { flags, values, positionals } = parseArgs(args, { booleans: ['json'], repeatable: ['answer'] });
  const answers: Record<string, string> = {};
  for (const pair of values.answer ?? []) {
    const [followUp, option] = pair.split('=');
    if (!followUp || !option) throw new UsageError(`--answer takes QUESTION=OPTION, got "${pair}"`);
    answers[followUp] = option;
  }
  const fromStdin = positionals.length === 0 || (positionals.length === 1 && positionals[0] === '-');
  const text = fromStdin ? await io.readStdin() : positionals.join(' ');
  if (text.trim() === '' && Object.keys(answers).length === 0) {
    throw new UsageError('nothing to answer: pass the question as TEXT or on standard input');
  }
  const recommendation = ask(text, { answers });
  if (flags.json) io.stdout(`${JSON.stringify(recommendation, null, 2)}\n`);
  else io.stdout(renderRecommendationText(recommendation, io.env.NO_COLOR || !io.env.FORCE_COLOR_TTY ? PLAIN : ANSI));
  return 0;
};
