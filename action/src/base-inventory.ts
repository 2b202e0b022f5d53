import type { KnowledgeBase } from '../../src/core/knowledge/knowledge-base.js';
import { type Inventory, inventoryOf } from '../../src/core/review/detect-changes.js';
import { fileKind } from '../../src/core/review/read-declarations.js';
import type { GitHubApi, TreeEntry } from './github-api.js';

/** Files read per GraphQL query, and the largest read: a lock-file-sized manifest is skipped. */
const PER_QUERY = 250;
const MAX_BLOB_BYTES = 512 * 1024;

export type BaseInventory = {
  readonly inventory: Inventory;
  /** what could not be read, in words for the job summary */
  readonly notes: string[];
  /** API calls spent (at most 3) */
  readonly calls: number;
};

/** Manifests worth reading: every reader but imports and notebooks, shallow paths first. */
export function manifestsIn(entries: readonly TreeEntry[]): string[] {
  return entries
    .filter((e) => e.type === 'blob' && (e.size ?? 0) <= MAX_BLOB_BYTES)
    .map((e) => e.path)
    .filter((p) => {
      const kind = fileKind(p);
      return (
        kind !== 'ignored' &&
        kind !== 'import' &&
        kind !== 'notebook' &&
        !/(^|\/)(node_modules|vendor|third_party)\//.test(p)
      );
    })
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}

/** Package URLs as the lines of virtual manifests, so one reader handles them. */
function purlFiles(purls: readonly string[]): Record<string, string> {
  const pip: string[] = [];
  const jvm: string[] = [];
  for (const purl of purls) {
    const m = /^pkg:(pypi|maven|conda)\/(?:([^/@]+)\/)?([^/@?#]+)/.exec(purl);
    if (!m) continue;
    const name = decodeURIComponent(m[3] ?? '');
    if (m[1] === 'maven') jvm.push(`<artifactId>${name}</artifactId>`);
    else pip.push(name);
  }
  return { 'dependency graph/requirements.txt': pip.join('\n'), 'dependency graph/pom.xml': jvm.join('\n') };
}

const why = (error: unknown) =>
  `${(error as { status?: number }).status ?? ''} ${(error as Error).message ?? String(error)}`.trim().slice(0, 160);

/**
 * What the base commit already declares, for a fixed cost whatever the pull request's size: the
 * recursive tree (1 call), its manifests in one or two aliased GraphQL queries, and — only when
 * the tree came back truncated — the dependency graph. Nothing here fails the run: a failed or
 * partial read becomes a note, and the review falls back to the diff.
 */
export async function readBaseInventory(api: GitHubApi, kb: KnowledgeBase, baseSha: string): Promise<BaseInventory> {
  const notes: string[] = [];
  let calls = 1;
  let tree: Awaited<ReturnType<GitHubApi['getTree']>>;
  try {
    tree = await api.getTree(baseSha);
  } catch (error) {
    notes.push(
      `The base branch's file list could not be read (${why(error)}); frameworks it already has may show as added.`,
    );
    return { inventory: new Map(), notes, calls };
  }
  const files: Record<string, string> = {};
  const manifests = manifestsIn(tree.entries);
  const queries = tree.truncated ? 1 : 2;
  const batches = [];
  for (let i = 0; i < Math.min(manifests.length, PER_QUERY * queries); i += PER_QUERY)
    batches.push(manifests.slice(i, i + PER_QUERY));
  if (manifests.length > PER_QUERY * queries)
    notes.push(
      `The base branch has ${manifests.length} manifests; the ${PER_QUERY * queries} nearest the root were read.`,
    );
  for (const batch of batches) {
    calls++;
    try {
      Object.assign(files, await api.readBlobs(baseSha, batch));
    } catch (error) {
      notes.push(
        `The base branch's manifests could not be read (${why(error)}); frameworks it already has may show as added.`,
      );
      break;
    }
  }
  if (tree.truncated) {
    calls++;
    notes.push(
      "The base branch's file list is too long for one answer (GitHub truncated it); manifests past the cut were not read.",
    );
    try {
      const purls = await api.getDependencyPurls();
      if (purls === undefined)
        notes.push('The dependency graph is not enabled for this repository, so it could not fill the gap.');
      else Object.assign(files, purlFiles(purls));
    } catch (error) {
      notes.push(`The dependency graph could not be read (${why(error)}).`);
    }
  }
  return { inventory: inventoryOf(kb, files), notes, calls };
}
