import { FileTooLargeError, type GitHubApi, type PullFile } from './github-api.js';

const MANIFEST =
  /(^|\/)(requirements[^/]*\.(txt|in)|pyproject\.toml|Pipfile|setup\.(py|cfg)|(environment|env|conda)[^/]*\.ya?ml|pom\.xml|[^/]*\.gradle(\.kts)?|[^/]*\.sbt|Dockerfile[^/]*)$/i;
/** At most this many manifests are fetched whole when GitHub leaves their patch out. */
const MAX_FETCHED = 10;

const quote = (path: string) => (/[\s"\\]/.test(path) ? JSON.stringify(path) : path);

/**
 * A unified diff assembled from GitHub's per-file patches. A manifest whose patch GitHub left
 * out (too large) is read at the base and head commits — one batched GraphQL read each — and
 * diffed whole.
 */
export async function buildDiff(
  api: GitHubApi,
  files: readonly PullFile[],
  baseSha: string,
  headSha: string,
): Promise<string> {
  // manifests whose patch GitHub left out, read whole: two batched GraphQL reads (base, head)
  const missing = files.filter((f) => f.patch === undefined && MANIFEST.test(f.filename)).slice(0, MAX_FETCHED);
  const olds = missing.filter((f) => f.status !== 'added').map((f) => f.previous_filename ?? f.filename);
  const news = missing.filter((f) => f.status !== 'removed').map((f) => f.filename);
  const batch = (sha: string, paths: string[]) =>
    paths.length === 0 ? Promise.resolve({}) : api.readBlobs(sha, paths).catch((): Record<string, string> => ({}));
  const [atBase, atHead] = await Promise.all([batch(baseSha, olds), batch(headSha, news)]);
  // what GraphQL could not give is asked for one file at a time; a manifest over 1 MB is left out
  const read = async (known: Record<string, string>, path: string, ref: string) =>
    known[path] ??
    api.getFileText(path, ref).catch((error: unknown) => {
      if (error instanceof FileTooLargeError) return undefined;
      throw error;
    });

  const parts: string[] = [];
  for (const f of files) {
    const oldPath = f.previous_filename ?? f.filename;
    const header = [`diff --git ${quote(`a/${oldPath}`)} ${quote(`b/${f.filename}`)}`];
    if (f.status === 'added') header.push('new file mode 100644');
    if (f.status === 'removed') header.push('deleted file mode 100644');
    if (f.status === 'renamed') header.push(`rename from ${oldPath}`, `rename to ${f.filename}`);
    header.push(
      `--- ${f.status === 'added' ? '/dev/null' : quote(`a/${oldPath}`)}`,
      `+++ ${f.status === 'removed' ? '/dev/null' : quote(`b/${f.filename}`)}`,
    );
    let patch = f.patch;
    if (patch === undefined && missing.includes(f)) {
      const [before, after] = await Promise.all([
        f.status === 'added' ? undefined : read(atBase, oldPath, baseSha),
        f.status === 'removed' ? undefined : read(atHead, f.filename, headSha),
      ]);
      const removed = before?.split(/\r?\n/) ?? [];
      const added = after?.split(/\r?\n/) ?? [];
      patch = [
        `@@ -1,${removed.length} +1,${added.length} @@`,
        ...removed.map((l) => `-${l}`),
        ...added.map((l) => `+${l}`),
      ].join('\n');
    }
    if (patch === undefined) continue;
    parts.push([...header, patch].join('\n'));
  }
  return parts.join('\n');
}
