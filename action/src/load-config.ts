import { parse } from 'yaml';
import type { RepoConfig } from '../../src/core/review/config.js';
import { DEFAULT_CONFIG } from '../../src/core/review/default-config.js';

/** A configuration larger than this is not read (GitHub's contents API stops at 1 MB too). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** YAML parsing grows faster than linearly in keys: a real configuration is a few dozen lines. */
export const MAX_CONFIG_LINES = 2000;

export type LoadedConfig = { readonly config: RepoConfig; readonly problems: string[] };

/** The repository configuration from its text, bounded in size and time; every problem is reported, the defaults used. */
export async function readConfigText(text: string): Promise<LoadedConfig> {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_CONFIG_BYTES)
    return {
      config: DEFAULT_CONFIG,
      problems: [`is ${(bytes / 1048576).toFixed(1)} MB; the limit is 1 MB, so it was not read; using the defaults`],
    };
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  if (lines > MAX_CONFIG_LINES)
    return {
      config: DEFAULT_CONFIG,
      problems: [`has ${lines} lines; the limit is ${MAX_CONFIG_LINES}, so it was not read; using the defaults`],
    };
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: false, maxAliasCount: 50 });
  } catch (error) {
    return {
      config: DEFAULT_CONFIG,
      problems: [`not valid YAML: ${(error as Error).message.split('\n')[0]}; using the defaults`],
    };
  }
  // the schema (and zod) are loaded only for a repository that has a configuration
  const { parseRepoConfig } = await import('../../src/core/review/config.js');
  const { config, issues } = parseRepoConfig(data);
  return { config, problems: issues.map((i) => `${i.path}: ${i.message}; using the defaults`) };
}
