import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KnowledgePlan } from '../core/knowledge/knowledge-plan.js';
import type { KnowledgeText } from './read-knowledge-files.js';

/** What the build writes beside the compiled library: the checked plan and the YAML it came from. */
export type KnowledgeSnapshot = { readonly fingerprint: string; readonly plan: KnowledgePlan };

/** Where the build puts the snapshot: dist/snapshot/knowledge.json, two levels up from dist/src/knowledge. */
export const SNAPSHOT_URL = new URL('../../snapshot/knowledge.json', import.meta.url);

/** A bundle that inlines its snapshot at build time trusts it; a package on disk checks it against the YAML. */
export const SNAPSHOT_TRUSTED: boolean = false;

/** Identifies the YAML a snapshot was built from: every file's name and text. */
export function fingerprintOf(texts: readonly KnowledgeText[]): string {
  const hash = createHash('sha256');
  for (const { file, text } of texts) hash.update(`${file}\0${text}\0`);
  return hash.digest('hex');
}

/** The snapshot the build wrote, or undefined when there is none (running from the TypeScript sources). */
export function readSnapshot(): KnowledgeSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(SNAPSHOT_URL, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as KnowledgeSnapshot;
  } catch {
    return undefined; // a damaged snapshot is ignored: the YAML is the source
  }
}
