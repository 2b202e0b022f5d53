/** The command line: parses the command, runs it, and is the one place errors become exit codes. */
import { ASK_USAGE, askCommand } from './cli/ask-command.js';
import { COMPARE_USAGE, compareCommand } from './cli/compare-command.js';
import { type CliIo, type Command, UsageError } from './cli/io.js';
import { reviewCommand } from './cli/review-command.js';
import { serveCommand } from './cli/serve-command.js';
import { InputError } from './input-error.js';
import { KnowledgeError } from './knowledge/load-knowledge.js';

const COMMANDS: Record<string, Command> = {
  ask: askCommand,
  compare: compareCommand,
  review: reviewCommand,
  serve: serveCommand,
};

export const USAGE = [
  'usage: spark-or-pytorch <command> [options]',
  '',
  '  ask [--json] [--answer Q=OPTION]... [TEXT... | -]   recommend Spark, PyTorch, both or neither',
  '  compare [DIMENSION] [--json]                         Spark vs PyTorch side by side',
  '  review [--json] [--config FILE] [--diff FILE|-] [--repo DIR]   review a diff like the GitHub Action',
  '  serve                                                start the Slack / Teams bot server',
  '',
  `  ${ASK_USAGE}`,
  `  ${COMPARE_USAGE}`,
].join('\n');

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout)(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout('spark-or-pytorch 0.1.0\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`spark-or-pytorch: unknown command "${name.slice(0, 40)}"\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`spark-or-pytorch ${name}: ${error.message}\n${name === 'ask' ? ASK_USAGE : USAGE.split('\n')[0]}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`spark-or-pytorch ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof KnowledgeError) {
      io.stderr(`spark-or-pytorch: the knowledge base is broken — ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`spark-or-pytorch ${name}: unexpected failure: ${message}\n`);
    if (io.env.DEBUG) io.stderr(`${error instanceof Error ? error.stack : ''}\n`);
    return 1;
  }
}
