import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { parseRepoConfig, review } from '../index.js';
import { type Command, UsageError } from './io.js';
import { parseArgs } from './parse-args.js';

const MANIFEST =
  /(^|\/)(requirements[^/]*\.(txt|in)|constraints[^/]*\.txt|pyproject\.toml|Pipfile|setup\.(py|cfg)|(environment|env|conda)[^/]*\.ya?ml|pom\.xml|[^/]*\.gradle(\.kts)?|[^/]*\.sbt|Dockerfile[^/]*)$/;
const SKIP_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', 'dist', 'build', 'target']);

/** Manifests of a base checkout (bounded), so frameworks it already uses are not "added". */
async function readBaseManifests(root: string, limit = 2000): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const queue = [root];
  let seen = 0;
  while (queue.length > 0 && seen < limit) {
    const dir = queue.shift() as string;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      seen++;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) queue.push(path);
      else if (entry.isFile() && MANIFEST.test(entry.name)) out[relative(root, path)] = await readFile(path, 'utf8');
    }
  }
  return out;
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
  const baseFiles = repo
    ? await readBaseManifests(repo).catch(() => {
        throw new UsageError(`cannot read the repository at "${repo}"`);
      })
    : undefined;
  const result = review(diff, { ...(config ? { config } : {}), ...(baseFiles ? { baseFiles } : {}) });
  if (flags.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.changes.length === 0 && result.firstUses.length === 0)
    io.stdout('No Spark or PyTorch change in this diff.\n');
  else io.stdout(`${result.markdown}\n`);
  return 0;
};
