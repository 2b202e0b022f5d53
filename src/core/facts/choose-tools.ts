import type { ProseTarget } from '../knowledge/knowledge-base.js';
import type { PhraseHit } from '../text/phrase.js';
import { Numbers } from './per-token.js';

const owners = new Numbers();

/**
 * Longest catalogue names first, never overlapping: "spark nlp" wins over "spark" (among the first
 * `hitCount` hits). Returns the
 * chosen names in reading order and, per token, the index of the name covering it (or -1; valid
 * until the next call).
 */
export function chooseTools(
  hits: readonly PhraseHit<ProseTarget>[],
  hitCount: number,
  tokenCount: number,
): { tools: PhraseHit<ProseTarget>[]; cover: Int32Array | undefined } {
  let longest = 0;
  for (let j = 0; j < hitCount; j++) {
    const h = hits[j] as PhraseHit<ProseTarget>;
    if (h.value.tool !== undefined) longest = Math.max(longest, h.to - h.from);
  }
  if (longest === 0) return { tools: [], cover: undefined };
  // hits come in reading order, so taking them length by length, each length in reading order, is
  // the order of a stable sort by length (longest first), then position: no sort, no copy
  const owner = owners.reset(tokenCount, -1);
  for (let length = longest; length > 0; length--) {
    for (let j = 0; j < hitCount; j++) {
      const t = hits[j] as PhraseHit<ProseTarget>;
      if (t.value.tool === undefined || t.to - t.from !== length) continue;
      let free = true;
      for (let k = t.from; k < t.to && free; k++) if ((owner[k] as number) >= 0) free = false;
      if (free) owner.fill(j, t.from, t.to);
    }
  }
  // chosen names never overlap: in reading order, each is the hit owning its first token
  const tools: PhraseHit<ProseTarget>[] = [];
  for (let j = 0; j < hitCount; j++) {
    const t = hits[j] as PhraseHit<ProseTarget>;
    if (owner[t.from] === j) tools.push(t);
  }
  for (let i = 0; i < tools.length; i++) {
    const t = tools[i] as PhraseHit<ProseTarget>;
    owner.fill(i, t.from, t.to);
  }
  return { tools, cover: owner };
}

/**
 * A phrase inside a product name ("tensor" in "TensorFlow"), equal to it or straddling it does not
 * count on its own: the name speaks through the catalogue. A longer phrase around a name does.
 */
export function insideTool(
  hit: PhraseHit<unknown>,
  tools: readonly PhraseHit<ProseTarget>[],
  cover: Int32Array,
): boolean {
  let last = -1;
  for (let k = hit.from; k < hit.to; k++) {
    const i = cover[k] as number;
    if (i < 0 || i === last) continue;
    last = i;
    const t = tools[i] as PhraseHit<ProseTarget>;
    const contains = hit.from <= t.from && hit.to >= t.to && hit.to - hit.from > t.to - t.from;
    if (!contains) return true;
  }
  return false;
}
