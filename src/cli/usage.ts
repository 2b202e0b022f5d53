/**
 * Every help text of the CLI, in a module that imports nothing: `--help` and usage errors print
 * these without loading the knowledge base, the core or the server.
 */

export type CommandName = 'ask' | 'compare' | 'review' | 'serve';

export const USAGE_LINES: Readonly<Record<CommandName, string>> = {
  ask: 'usage: spark-or-pytorch ask [--json] [--context ANSWER.json] [--answer QUESTION=OPTION]... [TEXT... | -]',
  compare: 'usage: spark-or-pytorch compare [DIMENSION] [--json]',
  review: 'usage: spark-or-pytorch review [--json] [--config FILE] [--diff FILE | -] [--repo DIR]',
  serve: 'usage: spark-or-pytorch serve',
};

export const MAIN_HELP = [
  'usage: spark-or-pytorch <command> [options]',
  '',
  'Should this be Spark, PyTorch, both or neither? Explained, with sources.',
  '',
  'commands:',
  '  ask [TEXT... | -]        recommend Spark, PyTorch, both or neither for a described situation',
  '  compare [DIMENSION]      Spark vs PyTorch side by side, on one dimension or all',
  '  review [--diff FILE|-]   review a diff the way the GitHub Action reviews a pull request',
  '  serve                    start the Slack / Teams bot server',
  '',
  'options:',
  '  -h, --help               this text; `spark-or-pytorch <command> --help` for one command',
  '  --version                the version',
  '',
  'exit codes: 0 ok, 2 bad usage or bad input (one line on stderr), 1 unexpected failure',
].join('\n');

export const COMMAND_HELP: Readonly<Record<CommandName, string>> = {
  ask: [
    USAGE_LINES.ask,
    '',
    'Recommends Spark, PyTorch, both or neither for TEXT — or for standard input when TEXT is',
    'absent or "-" — and says why, quoting what you wrote, with a source for each reason.',
    '',
    'options:',
    '  --json                       print the Recommendation as one JSON document',
    '  --answer QUESTION=OPTION     answer a follow-up question (repeatable), e.g. --answer data-size=terabytes',
    '  --context ANSWER.json        continue from an earlier `ask --json` answer',
    '  --                           everything after it is the question, even if it starts with "-"',
    '',
    'examples:',
    '  spark-or-pytorch ask "We have 40 TB of clickstream in HDFS and nightly joins take six hours"',
    '  echo "fine-tune a 7B model on 8 A100s" | spark-or-pytorch ask --json',
  ].join('\n'),
  compare: [
    USAGE_LINES.compare,
    '',
    'Spark and PyTorch side by side on one DIMENSION (e.g. execution), or on every dimension.',
    'An unknown dimension lists the ones there are.',
    '',
    'options:',
    '  --json                       print the Comparison as one JSON document',
  ].join('\n'),
  review: [
    USAGE_LINES.review,
    '',
    'Reviews a unified diff or `git format-patch` output the way the GitHub Action reviews a pull',
    'request: which frameworks it adds, removes or bumps, and whether they fit. Prints the comment.',
    '',
    'options:',
    '  --diff FILE | -              the diff (default: standard input)',
    '  --config FILE                a repository configuration (.github/spark-or-pytorch.yml)',
    '  --repo DIR                   the base checkout, so frameworks it already uses are not "added"',
    '  --json                       print the Review as one JSON document',
    '',
    'example:',
    '  git diff main... | spark-or-pytorch review --repo .',
  ].join('\n'),
  serve: [
    USAGE_LINES.serve,
    '',
    'Starts the bot server (the same as `npm start`): GET /healthz, GET /readyz, GET /privacy,',
    'GET /terms, POST /slack/events when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set (Socket Mode',
    'when SLACK_APP_TOKEN is set), POST /api/messages when MICROSOFT_APP_ID is set.',
    'Listens on PORT (default 3000); stops gracefully on SIGTERM or SIGINT.',
    'Every variable is checked at start; a bad or missing one stops it with a message naming the fix.',
  ].join('\n'),
};

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(USAGE_LINES, name);
}
