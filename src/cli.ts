/**
 * The command line: parses the command, runs it, and is the one place errors become exit codes.
 * A command's module is imported only when that command runs, so `ask` never loads the bot
 * server's SDKs and `--help` loads nothing but its text.
 */
import { type CliIo, type Command, UsageError } from './cli/io.js';
import { COMMAND_HELP, type CommandName, isCommandName, MAIN_HELP, USAGE_LINES } from './cli/usage.js';
import { InputError } from './input-error.js';

/** The version in the package's package.json (the nearest one above this module, in src/ and dist/src/ alike). */
export async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  for (let url = new URL('./package.json', import.meta.url); ; url = new URL('../package.json', url)) {
    const text = await readFile(url, 'utf8').catch(() => undefined);
    if (text !== undefined) return (JSON.parse(text) as { version: string }).version;
    if (new URL('..', url).pathname === new URL('.', url).pathname) return 'unknown';
  }
}

const COMMANDS: Readonly<Record<CommandName, () => Promise<Command>>> = {
  ask: async () => (await import('./cli/ask-command.js')).askCommand,
  compare: async () => (await import('./cli/compare-command.js')).compareCommand,
  review: async () => (await import('./cli/review-command.js')).reviewCommand,
  serve: async () => (await import('./cli/serve-command.js')).serveCommand,
};

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

/** `--help` or `-h` among a command's options (not in the text after `--`). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some(isHelp);
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr(`${MAIN_HELP}\n`);
    return 2;
  }
  if (name === 'help' || isHelp(name)) {
    const topic = args[0];
    if (topic !== undefined && isCommandName(topic)) io.stdout(`${COMMAND_HELP[topic]}\n`);
    else io.stdout(`${MAIN_HELP}\n`);
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`spark-or-pytorch ${await packageVersion()}\n`);
    return 0;
  }
  if (!isCommandName(name)) {
    const what = name.startsWith('-') ? 'option' : 'command';
    io.stderr(
      `spark-or-pytorch: unknown ${what} "${name.slice(0, 40)}": the commands are ${Object.keys(COMMANDS).join(', ')} (see --help)\n`,
    );
    return 2;
  }
  if (asksForHelp(args)) {
    io.stdout(`${COMMAND_HELP[name]}\n`);
    return 0;
  }
  try {
    const command = await COMMANDS[name]();
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`spark-or-pytorch ${name}: ${error.message}\n${USAGE_LINES[name]}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`spark-or-pytorch ${name}: ${error.message}\n`);
      return 2;
    }
    // matched by name: importing the knowledge loader here would load it for every command
    if (error instanceof Error && error.name === 'KnowledgeError') {
      io.stderr(`spark-or-pytorch: the knowledge base is broken — ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`spark-or-pytorch ${name}: unexpected failure: ${message}\n`);
    if (io.env.DEBUG) io.stderr(`${error instanceof Error ? error.stack : ''}\n`);
    return 1;
  }
}
