import { ask, type Facts, FactsSchema } from '../index.js';
import { ANSI, PLAIN, renderRecommendationText } from '../render/terminal.js';
import { type Command, UsageError } from './io.js';
import { parseArgs } from './parse-args.js';

/** The facts of a previous `ask --json` answer (or bare facts): what `--context` continues from. */
async function readContext(path: string, io: Parameters<Command>[1]): Promise<Facts> {
  let data: unknown;
  try {
    data = JSON.parse(await io.readFile(path));
  } catch (error) {
    throw new UsageError(`--context ${path}: not a JSON answer (${(error as Error).message.split('\n')[0]})`);
  }
  const facts = FactsSchema.safeParse((data as { facts?: unknown } | null)?.facts ?? data);
  if (!facts.success) throw new UsageError(`--context ${path}: pass the output of \`ask --json\` (no "facts" in it)`);
  return facts.data;
}

/** `ask`: recommends for TEXT, or for standard input when TEXT is absent or `-`. */
export const askCommand: Command = async (args, io) => {
  const { flags, values, positionals } = parseArgs(args, {
    booleans: ['json'],
    repeatable: ['answer'],
    options: ['context'],
  });
  const answers: Record<string, string> = {};
  for (const pair of values.answer ?? []) {
    const [followUp, option] = pair.split('=');
    if (!followUp || !option) throw new UsageError(`--answer takes QUESTION=OPTION, got "${pair}"`);
    answers[followUp] = option;
  }
  const fromStdin = positionals.length === 0 || (positionals.length === 1 && positionals[0] === '-');
  const text = fromStdin ? await io.readStdin() : positionals.join(' ');
  const contextPath = values.context?.[0];
  const context = contextPath ? await readContext(contextPath, io) : undefined;
  if (text.trim() === '' && Object.keys(answers).length === 0 && !context) {
    throw new UsageError('nothing to answer: pass the question as TEXT or on standard input');
  }
  // like a chat: a message that only adds facts continues the earlier answer, a new question starts fresh
  const recommendation = ask(text, { answers, ...(context ? { context, follows: 'chat' as const } : {}) });
  if (flags.json) io.stdout(`${JSON.stringify(recommendation, null, 2)}\n`);
  else io.stdout(renderRecommendationText(recommendation, io.env.NO_COLOR || !io.env.FORCE_COLOR_TTY ? PLAIN : ANSI));
  return 0;
};
