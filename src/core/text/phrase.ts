/**
 * Knowledge patterns are phrases, not regular expressions. A pattern lists alternative phrases
 * separated by `|` (`spin up|startup`); a phrase is up to eight words; a word in parentheses lists
 * alternatives for that one position (`small (data|dataset*)`); `word*` matches a prefix, a lone `*`
 * any one word (never first), and a trailing `?` makes a word optional. Matching is a bounded walk
 * per token, so its cost is linear in the text: no pattern can backtrack catastrophically.
 */
import type { Tokens } from './tokenize.js';

export const MAX_SLOTS = 8;
export const MAX_OPTIONAL = 3;
const MIN_PREFIX = 3;

type Alternative = { readonly word: string; readonly prefix: boolean };
type Slot = { readonly alternatives: readonly Alternative[]; readonly optional: boolean };
export type Phrase = { readonly source: string; readonly slots: readonly Slot[] };

const WORD = /^[a-z0-9_'][a-z0-9_'.,]*$/;

/** Splits on `|` outside parentheses: the pattern's alternative phrases. */
function splitTopLevel(source: string): string[] | string {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of source) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0 || depth > 1) return 'unbalanced or nested parentheses';
    if (ch === '|' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (depth !== 0) return 'unbalanced parentheses';
  parts.push(current);
  return parts;
}

function parseAlternative(alt: string, first: boolean): Alternative | string {
  if (alt === '*') return first ? 'a phrase cannot start with the wildcard *' : { word: '', prefix: true };
  const prefix = alt.endsWith('*');
  const word = prefix ? alt.slice(0, -1) : alt;
  if (!WORD.test(word)) return `"${alt}" is not a word (letters, digits, _ and ' only)`;
  if (prefix && word.length < MIN_PREFIX) return `"${alt}": a prefix needs at least ${MIN_PREFIX} letters before *`;
  return { word, prefix };
}

/** Parses one phrase (no top-level `|`), or returns the reason it is not one. */
function parseOne(source: string): Phrase | string {
  const raw = source.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (raw.length === 0) return 'a phrase needs at least one word';
  if (raw.length > MAX_SLOTS) return `a phrase has at most ${MAX_SLOTS} words, this one has ${raw.length}`;
  const slots: Slot[] = [];
  for (const part of raw) {
    const optional = part.endsWith('?');
    let body = optional ? part.slice(0, -1) : part;
    if (body.startsWith('(') && body.endsWith(')')) body = body.slice(1, -1);
    else if (body.includes('(') || body.includes(')')) return `"${part}": parentheses must enclose a whole word`;
    const alternatives: Alternative[] = [];
    for (const alt of body.split('|')) {
      const parsed = parseAlternative(alt, slots.length === 0);
      if (typeof parsed === 'string') return parsed;
      alternatives.push(parsed);
    }
    slots.push({ alternatives, optional });
  }
  if (slots[0]?.optional) return 'the first word of a phrase cannot be optional';
  const optionalCount = slots.filter((s) => s.optional).length;
  if (optionalCount > MAX_OPTIONAL) {
    return `a phrase has at most ${MAX_OPTIONAL} optional words, this one has ${optionalCount}`;
  }
  return { source, slots };
}

/** Parses a pattern into its alternative phrases, or returns the reason it is not valid. */
export function parsePattern(source: string): Phrase[] | string {
  const parts = splitTopLevel(source.trim());
  if (typeof parts === 'string') return parts;
  const phrases: Phrase[] = [];
  for (const part of parts) {
    const phrase = parseOne(part);
    if (typeof phrase === 'string') return phrase;
    phrases.push({ ...phrase, source });
  }
  return phrases;
}

function slotMatches(slot: Slot, tokens: Tokens, at: number): boolean {
  if (!tokens.isWord(at)) return false;
  const text = tokens.text[at] as string;
  for (let i = 0; i < slot.alternatives.length; i++) {
    const alt = slot.alternatives[i] as Alternative;
    if (alt.prefix ? text.startsWith(alt.word) : text === alt.word) return true;
  }
  return false;
}

/** The end index (exclusive) of the longest match of `slots` from token `at`, or -1. */
function matchFrom(slots: readonly Slot[], tokens: Tokens, at: number, s: number): number {
  if (s === slots.length) return at;
  const slot = slots[s] as Slot;
  let best = -1;
  if (slotMatches(slot, tokens, at)) best = matchFrom(slots, tokens, at + 1, s + 1);
  if (slot.optional) best = Math.max(best, matchFrom(slots, tokens, at, s + 1));
  return best;
}

export type PhraseHit<T> = { readonly value: T; readonly from: number; readonly to: number };
// biome-ignore lint/suspicious/noExplicitAny: a frozen empty list shared by every matcher
const NO_HITS: PhraseHit<any>[] = Object.freeze([]) as unknown as PhraseHit<any>[];

/** Hits kept between calls: `matchInto` overwrites the first `length` of them instead of building new ones. */
export class HitList<T> {
  readonly hits: { value: T; from: number; to: number }[] = [];
  length = 0;

  add(value: T, from: number, to: number): void {
    const hit = this.hits[this.length];
    if (hit) {
      hit.value = value;
      hit.from = from;
      hit.to = to;
    } else this.hits.push({ value, from, to });
    this.length++;
  }
}

type Entry<T> = { readonly phrase: Phrase; readonly value: T };
/**
 * An entry as the matcher keeps it: `fixed` when no word is optional, so a plain loop matches it;
 * `gated` when its second word is required and spelled out, so a token can only start it when the
 * next token is one of the bucket's `second` words.
 */
type Compiled<T> = {
  readonly slots: readonly Slot[];
  readonly value: T;
  readonly fixed: boolean;
  readonly gated: boolean;
};
/** The phrases starting with one word (or prefix), in the order given, with the gated ones' second words. */
type Bucket<T> = { readonly entries: Compiled<T>[]; readonly second: Set<string> };

function compile<T>(phrase: Phrase, value: T): Compiled<T> {
  const second = phrase.slots[1];
  return {
    slots: phrase.slots,
    value,
    fixed: !phrase.slots.some((slot) => slot.optional),
    gated: second !== undefined && !second.optional && second.alternatives.every((a) => !a.prefix),
  };
}

/** The end of a match of `slots` from slot `s` at token `at + s`, for slots without optional words, or -1. */
function matchFixed(slots: readonly Slot[], tokens: Tokens, at: number, s: number): number {
  for (let k = s; k < slots.length; k++) if (!slotMatches(slots[k] as Slot, tokens, at + k)) return -1;
  return at + slots.length;
}

/** Many phrases compiled together; `match` reports every phrase occurrence. */
export class PhraseMatcher<T> {
  private readonly byWord = new Map<string, Bucket<T>>();
  /**
   * Phrases starting with a prefix word, by the prefix's first three character codes, one map per
   * character: looking a token up takes no substring of it.
   */
  private readonly byPrefix = new Map<number, Map<number, Map<number, Bucket<T>>>>();

  constructor(entries: readonly Entry<T>[]) {
    for (const { phrase, value } of entries) {
      const entry = compile(phrase, value);
      for (const alt of (phrase.slots[0] as Slot).alternatives) {
        const bucket = alt.prefix ? this.prefixBucketFor(alt.word) : this.wordBucketFor(alt.word);
        if (bucket.entries.includes(entry)) continue;
        bucket.entries.push(entry);
        if (entry.gated) for (const a of (phrase.slots[1] as Slot).alternatives) bucket.second.add(a.word);
      }
    }
  }

  private wordBucketFor(word: string): Bucket<T> {
    const bucket = this.byWord.get(word) ?? { entries: [], second: new Set<string>() };
    this.byWord.set(word, bucket);
    return bucket;
  }

  private prefixBucketFor(word: string): Bucket<T> {
    const level1 = this.byPrefix.get(word.charCodeAt(0)) ?? new Map<number, Map<number, Bucket<T>>>();
    this.byPrefix.set(word.charCodeAt(0), level1);
    const level2 = level1.get(word.charCodeAt(1)) ?? new Map<number, Bucket<T>>();
    level1.set(word.charCodeAt(1), level2);
    const bucket = level2.get(word.charCodeAt(2)) ?? { entries: [], second: new Set<string>() };
    level2.set(word.charCodeAt(2), bucket);
    return bucket;
  }

  /** The phrases whose first word is a prefix sharing the word's first three characters. */
  private prefixed(word: string): Bucket<T> | undefined {
    if (word.length < MIN_PREFIX) return undefined;
    return this.byPrefix.get(word.charCodeAt(0))?.get(word.charCodeAt(1))?.get(word.charCodeAt(2));
  }

  /** Could any phrase start at token `at`? A cheap test before `matchAt`. */
  mayStartAt(tokens: Tokens, at: number): boolean {
    if (!tokens.isWord(at)) return false;
    const text = tokens.text[at] as string;
    return this.byWord.has(text) || this.prefixed(text) !== undefined;
  }

  /**
   * What `findAt` found: the values in the order `matchAt` lists them, and where each one's longest
   * match ends. Kept between calls, so finding allocates nothing.
   */
  private readonly foundValues: T[] = [];
  private foundEnds = new Int32Array(8);

  /**
   * Finds every match starting at token `at` (the longest per value) and returns how many values
   * matched; `foundValue(i)` and `foundEnd(i)` read them until the next call. `matchAt` without the hits.
   */
  findAt(tokens: Tokens, at: number): number {
    if (!tokens.isWord(at)) return 0;
    const text = tokens.text[at] as string;
    const exact = this.byWord.get(text);
    const prefixed = this.prefixed(text);
    if (!exact && !prefixed) return 0;
    const next = tokens.isWord(at + 1) ? (tokens.text[at + 1] as string) : undefined;
    let found = 0;
    for (let l = 0; l < 2; l++) {
      const bucket = l === 0 ? exact : prefixed;
      if (!bucket) continue;
      // most phrases need a given second word: when the next token is none of them, skip them all
      const skipGated = next === undefined || !bucket.second.has(next);
      const list = bucket.entries;
      for (let k = 0; k < list.length; k++) {
        const { slots, value, fixed, gated } = list[k] as Compiled<T>;
        if (gated && skipGated) continue;
        // a phrase listed under the token's own word matches its first word: start at the second
        const to =
          l === 0
            ? fixed
              ? matchFixed(slots, tokens, at, 1)
              : matchFrom(slots, tokens, at + 1, 1)
            : fixed
              ? matchFixed(slots, tokens, at, 0)
              : matchFrom(slots, tokens, at, 0);
        if (to <= at) continue;
        let index = -1;
        for (let h = 0; h < found; h++) if (this.foundValues[h] === value) index = h;
        if (index >= 0) {
          if (to > (this.foundEnds[index] as number)) this.foundEnds[index] = to;
          continue;
        }
        if (found === this.foundEnds.length) {
          const ends = new Int32Array(found * 2);
          ends.set(this.foundEnds);
          this.foundEnds = ends;
        }
        this.foundValues[found] = value;
        this.foundEnds[found] = to;
        found++;
      }
    }
    return found;
  }

  foundValue(i: number): T {
    return this.foundValues[i] as T;
  }

  /** Where the longest match of the i-th value found ends (exclusive). */
  foundEnd(i: number): number {
    return this.foundEnds[i] as number;
  }

  /** Of the values found, the first with the longest match, or -1. */
  foundLongest(found: number): number {
    let best = -1;
    for (let i = 0; i < found; i++) if (best < 0 || this.foundEnd(i) > this.foundEnd(best)) best = i;
    return best;
  }

  /** Does some phrase match from token `at`? */
  matchesAt(tokens: Tokens, at: number): boolean {
    return this.findAt(tokens, at) > 0;
  }

  /** Every match starting at token `at` (the longest per value). */
  matchAt(tokens: Tokens, at: number): PhraseHit<T>[] {
    const found = this.findAt(tokens, at);
    if (found === 0) return NO_HITS;
    const hits: PhraseHit<T>[] = [];
    for (let k = 0; k < found; k++) {
      hits.push({ value: this.foundValues[k] as T, from: at, to: this.foundEnds[k] as number });
    }
    return hits;
  }

  /**
   * Calls `visit` for every match, in the order `match` lists them, without building the hits.
   * `visit` must not use this same matcher: its findings are overwritten at the next token.
   */
  forEachMatch(tokens: Tokens, visit: (value: T, from: number, to: number) => void): void {
    for (let i = 0; i < tokens.length; i++) {
      const found = this.findAt(tokens, i);
      for (let k = 0; k < found; k++) visit(this.foundValues[k] as T, i, this.foundEnds[k] as number);
    }
  }

  /** Every match, as `match` lists them, into `list` (emptied first): valid until `list` is used again. */
  matchInto(tokens: Tokens, list: HitList<T>): void {
    list.length = 0;
    for (let i = 0; i < tokens.length; i++) {
      const found = this.findAt(tokens, i);
      for (let k = 0; k < found; k++) list.add(this.foundValues[k] as T, i, this.foundEnds[k] as number);
    }
  }

  match(tokens: Tokens): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    this.forEachMatch(tokens, (value, from, to) => {
      hits.push({ value, from, to });
    });
    return hits;
  }
}

/** Does the phrase match exactly these words, every word literally (no prefix, no wildcard)? */
export function matchesWhole(phrase: Phrase, words: readonly string[]): boolean {
  const walk = (s: number, w: number): boolean => {
    if (s === phrase.slots.length) return w === words.length;
    const slot = phrase.slots[s] as Slot;
    const word = words[w];
    if (word !== undefined && slot.alternatives.some((a) => !a.prefix && a.word === word) && walk(s + 1, w + 1)) {
      return true;
    }
    return slot.optional && walk(s + 1, w);
  };
  return walk(0, 0);
}
