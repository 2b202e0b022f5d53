import { UsageError } from './io.js';

const AFTER_DASHES = ' (text that starts with "-" goes after --)';

export type ParsedArgs = {
  readonly flags: Readonly<Record<string, boolean>>;
  readonly values: Readonly<Record<string, string[]>>;
  readonly positionals: readonly string[];
};

/**
 * A small, strict argument parser: known boolean flags, known value options (`--x v` or
 * `--x=v`), everything else positional; `--` ends options and `-` alone is a positional
 * (standard input). Any other argument starting with `-` is an option, and an unknown one is a
 * usage error — it never joins the question text.
 */
export function parseArgs(
  args: readonly string[],
  spec: { booleans?: readonly string[]; options?: readonly string[]; repeatable?: readonly string[] },
): ParsedArgs {
  const booleans = new Set(spec.booleans ?? []);
  const options = new Set([...(spec.options ?? []), ...(spec.repeatable ?? [])]);
  const repeatable = new Set(spec.repeatable ?? []);
  const flags: Record<string, boolean> = {};
  const values: Record<string, string[]> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option ${arg.slice(0, 40)}${AFTER_DASHES}`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (booleans.has(name) && inline === undefined) {
      flags[name] = true;
    } else if (options.has(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      if (!repeatable.has(name) && values[name]) throw new UsageError(`--${name} given twice`);
      values[name] = [...(values[name] ?? []), value];
    } else {
      throw new UsageError(`unknown option --${name.slice(0, 40)}${AFTER_DASHES}`);
    }
  }
  return { flags, values, positionals };
}
