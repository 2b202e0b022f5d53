import type { KnowledgeBase, UnitRef } from '../knowledge/knowledge-base.js';
import { Tokens } from '../text/tokenize.js';
import type { Measurement } from '../types.js';

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Where the number in a token ends and its glued suffix starts ("40tb": 2), or -1 when the token is
 * not digits (with `,` and one `.fraction`) then lower-case letters: /^(\d[\d,]*(?:\.\d+)?)([a-z]*)$/,
 * read without a match array.
 */
function numberEnd(text: string): number {
  const n = text.length;
  if (n === 0 || !isDigit(text.charCodeAt(0))) return -1;
  let k = 1;
  while (k < n && (isDigit(text.charCodeAt(k)) || text.charCodeAt(k) === 44)) k++;
  if (k + 1 < n && text.charCodeAt(k) === 46 && isDigit(text.charCodeAt(k + 1))) {
    k += 2;
    while (k < n && isDigit(text.charCodeAt(k))) k++;
  }
  const end = k;
  while (k < n && text.charCodeAt(k) >= 97 && text.charCodeAt(k) <= 122) k++;
  return k === n ? end : -1;
}
/** How many filler tokens may stand between a number and its unit ("40 TB of", "2 of the GPUs"). */
const MAX_FILLERS = 2;

type Quantity = { value: number; from: number; to: number; unit?: UnitRef };

/** One word's tokens, kept between calls: a glued suffix ("40tb") is read as a text of its own. */
const suffixTokens = new Tokens();

function singleTokenUnit(kb: KnowledgeBase, word: string): UnitRef | undefined {
  suffixTokens.length = 0;
  suffixTokens.push(word, 0, word.length, false);
  const found = kb.units.findAt(suffixTokens, 0);
  for (let h = 0; h < found; h++) if (kb.units.foundEnd(h) === 1) return kb.units.foundValue(h);
  return undefined;
}

/** A number starting at token i: digits (with a glued suffix), number words, then magnitudes. */
function readQuantity(tokens: Tokens, i: number, kb: KnowledgeBase): Quantity | undefined {
  const { numberWords, magnitudes, suffixMultipliers } = kb.language;
  const text = tokens.text[i] as string;
  let value: number | undefined;
  let to = i + 1;
  let unit: UnitRef | undefined;
  const digitsEnd = numberEnd(text);
  if (digitsEnd >= 0) {
    const digits = text.slice(0, digitsEnd);
    value = Number(digits.includes(',') ? digits.replace(/,/g, '') : digits);
    const suffix = text.slice(digitsEnd);
    if (suffix) {
      const multiplier = suffixMultipliers.get(suffix);
      if (multiplier !== undefined) value *= multiplier;
      else {
        unit = singleTokenUnit(kb, suffix);
        if (!unit) return undefined; // "1990s", "3rd": not a quantity we read
      }
    }
  } else {
    const longest = numberWords.foundLongest(numberWords.findAt(tokens, i));
    if (longest >= 0) {
      value = numberWords.foundValue(longest);
      to = numberWords.foundEnd(longest);
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
      const found = matcher.findAt(tokens, k);
      for (let h = 0; h < found; h++) {
        const end = matcher.foundEnd(h);
        if ((end <= from || k >= to) && end <= hi) return true;
      }
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
        const unitHit = kb.units.foundLongest(kb.units.findAt(tokens, j));
        if (unitHit >= 0) {
          const unit = kb.units.foundValue(unitHit);
          const unitEnd = kb.units.foundEnd(unitHit);
          push(unit.measure, quantity.value * unit.factor, i, unitEnd);
          i = unitEnd;
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
    const found = kb.units.findAt(tokens, i);
    let implied = -1;
    for (let h = 0; h < found && implied < 0; h++) if (kb.units.foundValue(h).implied) implied = h;
    if (implied >= 0) {
      const unit = kb.units.foundValue(implied);
      const end = kb.units.foundEnd(implied);
      push(unit.measure, kb.language.impliedQuantity * unit.factor, i, end);
      i = end;
      continue;
    }
    i++;
  }
  return out;
}
