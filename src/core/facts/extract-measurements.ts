import type { KnowledgeBase, UnitRef } from '../knowledge/knowledge-base.js';
import { Tokens } from '../text/tokenize.js';
import type { Measurement } from '../types.js';

const NUMERIC = /^(\d[\d,]*(?:\.\d+)?)([a-z]*)$/;
/** How many filler tokens may stand between a number and its unit ("40 TB of", "2 of the GPUs"). */
const MAX_FILLERS = 2;

type Quantity = { value: number; from: number; to: number; unit?: UnitRef };

/** One word's tokens, kept between calls: a glued suffix ("40tb") is read as a text of its own. */
const suffixTokens = new Tokens();

function singleTokenUnit(kb: KnowledgeBase, word: string): UnitRef | undefined {
  suffixTokens.length = 0;
  suffixTokens.push(word, 0, word.length, false);
  return kb.units.matchAt(suffixTokens, 0).find((h) => h.to === 1)?.value;
}

/** A number starting at token i: digits (with a glued suffix), number words, then magnitudes. */
function readQuantity(tokens: Tokens, i: number, kb: KnowledgeBase): Quantity | undefined {
  const { numberWords, magnitudes, suffixMultipliers } = kb.language;
  const text = tokens.text[i] as string;
  let value: number | undefined;
  let to = i + 1;
  let unit: UnitRef | undefined;
  const first = text.charCodeAt(0);
  const numeric = first >= 48 && first <= 57 ? NUMERIC.exec(text) : null;
  if (numeric) {
    value = Number((numeric[1] as string).replace(/,/g, ''));
    const suffix = numeric[2] as string;
    if (suffix) {
      const multiplier = suffixMultipliers.get(suffix);
      if (multiplier !== undefined) value *= multiplier;
      else {
        unit = singleTokenUnit(kb, suffix);
        if (!unit) return undefined; // "1990s", "3rd": not a quantity we read
      }
    }
  } else {
    const words = numberWords.mayStartAt(tokens, i)
      ? numberWords.matchAt(tokens, i).sort((a, b) => b.to - a.to)[0]
      : undefined;
    if (words) {
      value = words.value;
      to = words.to;
    }
  }
  // "a few hundred", "2.5 million", "billions": magnitudes multiply (or start) the number
  while (!unit && to < tokens.length) {
    const magnitude = magnitudes.get(tokens.text[to] as string);
    if (magnitude === undefined) break;
    value = (value ?? 1) * magnitude;
    to++;
  }
  if (value === undefined && magnitudes.has(text)) value = magnitudes.get(text);
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return unit ? { value, from: i, to, unit } : { value, from: i, to };
}

/**
 * Finds quantities with units: "~40TB", "a few hundred gigs", "2B-row table", "8 A100s",
 * "under 50 ms". A plural unit with no number ("terabytes of logs") counts as several.
 */
export function extractMeasurements(tokens: Tokens, text: string, kb: KnowledgeBase): Measurement[] {
  const out: Measurement[] = [];
  const NEAR = 2;
  const isExcluded = (measure: string, from: number, to: number) => {
    const matcher = kb.notNear.get(measure);
    if (!matcher) return false;
    // look at most NEAR words to each side, never across punctuation ("no GPUs, ~200 TB of logs")
    let lo = from;
    while (lo > 0 && from - lo < NEAR && !tokens.isBreak[lo - 1]) lo--;
    let hi = to;
    while (hi < tokens.length && hi - to < NEAR && !tokens.isBreak[hi]) hi++;
    for (let k = lo; k < hi; k++) {
      if (k >= from && k < to) continue;
      if (matcher.matchAt(tokens, k).some((h) => (h.to <= from || h.from >= to) && h.to <= hi)) return true;
    }
    return false;
  };
  const push = (measure: string, value: number, from: number, to: number) => {
    if (isExcluded(measure, from, to)) return;
    const start = tokens.start[from] as number;
    const end = tokens.end[to - 1] as number;
    out.push({ measure, value, evidence: text.slice(start, end), start, end });
  };
  let i = 0;
  while (i < tokens.length) {
    if (tokens.isBreak[i]) {
      i++;
      continue;
    }
    // "80% of rows" is a share, not a count
    const quantity = text.charCodeAt(tokens.end[i] as number) === 37 ? undefined : readQuantity(tokens, i, kb);
    if (quantity?.unit) {
      push(quantity.unit.measure, quantity.value * quantity.unit.factor, i, quantity.to);
      i = quantity.to;
      continue;
    }
    if (quantity) {
      let j = quantity.to;
      let fillers = 0;
      let found = false;
      while (j < tokens.length && fillers <= MAX_FILLERS) {
        const unitHit = kb.units.mayStartAt(tokens, j)
          ? kb.units.matchAt(tokens, j).sort((a, b) => b.to - a.to)[0]
          : undefined;
        if (unitHit) {
          push(unitHit.value.measure, quantity.value * unitHit.value.factor, i, unitHit.to);
          i = unitHit.to;
          found = true;
          break;
        }
        const word = tokens.text[j] as string;
        const isWord = /^[a-z][a-z'_]*$/.test(word);
        if (tokens.isBreak[j] || !isWord || kb.language.unitStopWords.has(word)) break;
        fillers++;
        j++;
      }
      if (found) continue;
      i = Math.max(i + 1, quantity.from + 1);
      continue;
    }
    const implied = kb.units.mayStartAt(tokens, i)
      ? kb.units.matchAt(tokens, i).find((h) => h.value.implied)
      : undefined;
    if (implied) {
      push(implied.value.measure, kb.language.impliedQuantity * implied.value.factor, i, implied.to);
      i = implied.to;
      continue;
    }
    i++;
  }
  return out;
}
