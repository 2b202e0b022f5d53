import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { parseDiff, parseRepoConfig, review } from '../index.js';
import { type Command, UsageError } from './io.js';
import { parseArgs } from './parse-args.js';

const MANIFEST =
  /(^|\/)(requirements[^/]*\.(txt|in)|constraints[^/]*\.txt|pyproject\.toml|Pipfile|setup\.(py|cfg)|(environment|env|conda)[^/]*\.ya?ml|pom\.xml|[^/]*\.gradle(\.kts)?|[^/]*\.sbt|Dockerfile[^/]*)$/;
const SKIP_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', 'dist', 'build', 'target']);
/** Directory entries looked at before giving up (and saying so). */
export const MAX_REPO_ENTRIES = 20_000;
/** Python files read for their imports; only the import lines are kept. */
const MAX_PYTHON_FILES = 2_000;

type BaseCheckout = { files: Record<string, string>; stoppedEarly: boolean };

/** Manifests and Python imports of a base checkout (bounded), so frameworks it already uses are not "added". */
async function readBaseCheckout(root: string): Promise<BaseCheckout> {
  const files: Record<string, string> = {};
  const queue = [root];
  let seen = 0;
  let python = 0;
  while (queue.length > 0) {
    if (seen >= MAX_REPO_ENTRIES) return { files, stoppedEarly: true };
    const dir = queue.shift() as string;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      seen++;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) queue.push(path);
      else if (entry.isFile() && MANIFEST.test(entry.name)) files[relative(root, path)] = await readFile(path, 'utf8');
      else if (entry.isFile() && entry.name.endsWith('.py') && python < MAX_PYTHON_FILES) {
        python++;
        const imports = (await readFile(path, 'utf8')).split('\n').filter((l) => /^\s*(import|from)\s/.test(l));
        if (imports.length > 0) files[relative(root, path)] = imports.join('\n');
      }
    }
  }
  return { files, stoppedEarly: false };
}

/**
 * True when DIR already holds what the diff adds (and not what it removes) in most of the files
 * both name: DIR is then the pull request's head, not its base, and nothing would look added.
 */
async function looksLikeHead(root: string, diff: string): Promise<boolean> {
  const files = parseDiff(diff).filter((f) => f.status === 'modified' && f.added.some((l) => l.text.trim() !== ''));
  let checked = 0;
  let head = 0;
  for (const f of files.slice(0, 50)) {
    const text = await readFile(join(root, f.path), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    checked++;
    const lines = new Set(text.split('\n').map((l) => l.replace(/\r$/, '')));
    const hasAdded = f.added.every((l) => lines.has(l.text));
    const lacksRemoved = f.removed.every((l) => !lines.has(l.text));
    if (hasAdded && lacksRemoved && f.removed.length + f.added.length > 0) head++;
  }
  return checked > 0 && head * 2 > checked;
}

/** `review`: prints the comment the GitHub Action would post for a diff (or `--json`, the Review). */
export const reviewCommand: Command = async (args, io) => {
  const { flags, values, positionals } = parseArgs(args, { booleans: ['json'], options: ['config', 'diff', 'repo'] });
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]?.slice(0, 40)}": pass the diff with --diff FILE or -`);
  const diffPath = values.diff?.[0] ?? '-';
  const diff =
    diffPath === '-'
      ? await io.readStdin()
      : await io.readFile(diffPath).catch(() => {
          throw new UsageError(`cannot read the diff file "${diffPath}"`);
        });
  if (diff.trim() === '')
    throw new UsageError('the diff is empty: pass git diff or git format-patch output with --diff FILE or on stdin');

  let config: ReturnType<typeof parseRepoConfig>['config'] | undefined;
  const configPath = values.config?.[0];
  if (configPath) {
    const text = await io.readFile(configPath).catch(() => {
      throw new UsageError(`cannot read the configuration "${configPath}"`);
    });
    let data: unknown;
    try {
      data = parse(text);
    } catch (error) {
      throw new UsageError(`${configPath} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
    const parsed = parseRepoConfig(data);
    if (parsed.issues.length > 0) {
      throw new UsageError(`${configPath}: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    }
    config = parsed.config;
  }
  const repo = values.repo?.[0];
  let baseFiles: Record<string, string> | undefined;
  if (repo) {
    const base = await readBaseCheckout(repo).catch(() => {
      throw new UsageError(`cannot read the repository at "${repo}"`);
    });
    baseFiles = base.files;
    if (base.stoppedEarly)
      io.stderr(
        `warning: --repo ${repo} has more than ${MAX_REPO_ENTRIES} entries; only the first were read, so a framework declared further in may show as added\n`,
      );
    if (await looksLikeHead(repo, diff))
      io.stderr(
        `warning: --repo ${repo} already contains the lines this diff adds: it looks like the pull request's head, not its base, so nothing will show as added. Pass a checkout of the base (e.g. git worktree add ../base main)\n`,
      );
  }
  const result = review(diff, { ...(config ? { config } : {}), ...(baseFiles ? { baseFiles } : {}) });
  if (flags.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.changes.length === 0 && result.firstUses.length === 0)
    io.stdout('No Spark or PyTorch change in this diff.\n');
  else io.stdout(`${result.markdown}\n`);
  return 0;
};
