/**
 * Unified diffs and `git format-patch` output → files with their added and removed lines.
 * Tolerant: anything that is not part of a file section (mail headers, commit messages,
 * signatures) is skipped; a malformed hunk header ends that file's hunks.
 */
export type DiffLine = { readonly line: number; readonly text: string };
export type DiffFile = {
  /** the path after the change (the old path for a deletion) */
  readonly path: string;
  readonly oldPath: string;
  readonly status: 'added' | 'removed' | 'modified' | 'renamed';
  readonly added: DiffLine[];
  readonly removed: DiffLine[];
  /** unchanged lines shown around the changes (kept only when `keep` asks for them) */
  readonly context: DiffLine[];
  readonly binary: boolean;
};

/** Which lines of a file a reader wants: all (with context), the changes, or none (paths only). */
export type Keep = 'all' | 'changes' | 'none';
export type ParseDiffOptions = { readonly keep?: (path: string) => Keep };

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** `a/x y.txt`, `"a/odd\tname"` → the path without its a/ or b/ prefix. */
export function unquotePath(raw: string): string {
  let path = raw.trim();
  if (path.startsWith('"') && path.endsWith('"') && path.length >= 2) {
    path = path
      .slice(1, -1)
      .replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(Number.parseInt(oct, 8)))
      .replace(/\\(.)/g, (_m, ch: string) => ({ n: '\n', t: '\t' })[ch] ?? ch);
  }
  return path.replace(/^[ab]\//, '');
}

type Draft = {
  path: string;
  oldPath: string;
  status: DiffFile['status'];
  added: DiffLine[];
  removed: DiffLine[];
  context: DiffLine[];
  binary: boolean;
  /** decided at the first hunk, when both paths are known */
  keep: Keep | undefined;
};

const newDraft = (path: string, oldPath: string): Draft => ({
  path,
  oldPath,
  status: 'modified',
  added: [],
  removed: [],
  context: [],
  binary: false,
  keep: undefined,
});

/**
 * Split on `\n` (a `\r` before it is dropped); a file nobody reads gets no line objects, only its
 * path and status.
 */
export function parseDiff(diff: string, options: ParseDiffOptions = {}): DiffFile[] {
  const files: Draft[] = [];
  let current: Draft | undefined;
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  let keep: Keep = 'all';
  // lines are found with indexOf and sliced only when read: a file nobody reads costs no strings
  for (let pos = 0; pos <= diff.length; ) {
    let end = diff.indexOf('\n', pos);
    if (end < 0) end = diff.length;
    const start = pos;
    const stop = end > start && diff.charCodeAt(end - 1) === 13 ? end - 1 : end; // a \r before \n is dropped
    pos = end + 1;
    if (inHunk && current) {
      const marker = stop > start ? diff.charCodeAt(start) : -1;
      if (marker === 43 /* + */ && !diff.startsWith('+++ ', start)) {
        if (keep !== 'none') current.added.push({ line: newLine, text: diff.slice(start + 1, stop) });
        newLine++;
        continue;
      }
      if (marker === 45 /* - */ && !diff.startsWith('--- ', start)) {
        if (keep !== 'none') current.removed.push({ line: oldLine, text: diff.slice(start + 1, stop) });
        oldLine++;
        continue;
      }
      if (marker === 32 /*   */) {
        if (keep === 'all') current.context.push({ line: oldLine, text: diff.slice(start + 1, stop) });
        oldLine++;
        newLine++;
        continue;
      }
      if (marker === 92 /* \ */) continue; // "\ No newline at end of file"
      inHunk = false;
    }
    const line = diff.slice(start, stop);
    if (line.startsWith('diff --git ')) {
      const match = /^diff --git (?:"a\/.*?"|a\/\S.*?) (?:"b\/(.*)"|b\/(.*))$/.exec(line);
      const path = unquotePath(match?.[1] !== undefined ? `"b/${match[1]}"` : (match?.[2] ?? ''));
      current = newDraft(path, path);
      files.push(current);
      inHunk = false;
      continue;
    }
    if (!current) {
      // a plain unified diff without `diff --git` headers starts at ---/+++
      if (line.startsWith('--- ')) {
        current = newDraft('', unquotePath(line.slice(4).split('\t')[0] ?? ''));
        files.push(current);
      }
      continue;
    }
    if (line.startsWith('@@')) {
      const hunk = HUNK.exec(line);
      if (hunk) {
        oldLine = Number(hunk[1]);
        newLine = Number(hunk[2]);
        inHunk = true;
        if (current.keep === undefined) {
          const path = current.status === 'removed' ? current.oldPath || current.path : current.path || current.oldPath;
          current.keep = options.keep ? options.keep(path) : 'all';
        }
        keep = current.keep;
        continue;
      }
    }
    if (line.startsWith('new file mode')) current.status = 'added';
    else if (line.startsWith('deleted file mode')) current.status = 'removed';
    else if (line.startsWith('rename from ')) {
      current.oldPath = unquotePath(line.slice('rename from '.length));
      current.status = 'renamed';
    } else if (line.startsWith('rename to ')) current.path = unquotePath(line.slice('rename to '.length));
    else if (line.startsWith('Binary files ') || line.startsWith('GIT binary patch')) current.binary = true;
    else if (line.startsWith('--- ')) {
      const old = line.slice(4).split('\t')[0] ?? '';
      if (old === '/dev/null') current.status = 'added';
      else current.oldPath = unquotePath(old);
    } else if (line.startsWith('+++ ')) {
      const next = line.slice(4).split('\t')[0] ?? '';
      if (next === '/dev/null') current.status = 'removed';
      else current.path = unquotePath(next);
    } else if (line.startsWith('diff ') || line.startsWith('From ')) {
      current = undefined;
    }
  }
  return files
    .filter((f) => f.path !== '' || f.oldPath !== '')
    .map(({ keep: _keep, ...f }) => ({
      ...f,
      path: f.status === 'removed' ? f.oldPath || f.path : f.path || f.oldPath,
    }));
}
