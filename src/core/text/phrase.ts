/**
 * Knowledge patterns are phrases, not regular expressions. A pattern lists alternative phrases
 * separated by `|` (`spin up|startup`); a phrase is up to eight words; a word in parentheses lists
 * alternatives for that one position (`small (data|dataset*)`); `word*` matches a prefix, a lone `*`
 * any one word (never first), and a trailing `?` makes a word optional. Matching is a bounded walk
 * per token, so its cost is linear in the text: no pattern can backtrack catastrophically.
 */
import type { Token } from './tokenize.js';

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

function slotMatches(slot: Slot, token: Token): boolean {
  if (token.isBreak) return false;
  for (const alt of slot.alternatives) {
    if (alt.prefix ? token.text.startsWith(alt.word) : token.text === alt.word) return true;
  }
  return false;
}

/** The end index (exclusive) of the longest match of `slots` from token `at`, or -1. */
function matchFrom(slots: readonly Slot[], tokens: readonly Token[], at: number, s: number): number {
  if (s === slots.length) return at;
  const slot = slots[s] as Slot;
  let best = -1;
  const token = tokens[at];
  if (token && slotMatches(slot, token)) best = matchFrom(slots, tokens, at + 1, s + 1);
  if (slot.optional) best = Math.max(best, matchFrom(slots, tokens, at, s + 1));
  return best;
}

export type PhraseHit<T> = { readonly value: T; readonly from: number; readonly to: number };
// biome-ignore lint/suspicious/noExplicitAny: a frozen empty list shared by every matcher
const NO_HITS: PhraseHit<any>[] = Object.freeze([]) as unknown as PhraseHit<any>[];

/** Many phrases compiled together; `match` reports every phrase occurrence. */
export class PhraseMatcher<T> {
  private readonly byWord = new Map<string, { phrase: Phrase; value: T }[]>();
  private readonly byPrefix = new Map<string, { phrase: Phrase; value: T }[]>();

  constructor(entries: readonly { phrase: Phrase; value: T }[]) {
    for (const entry of entries) {
      for (const alt of (entry.phrase.slots[0] as Slot).alternatives) {
        const map = alt.prefix ? this.byPrefix : this.byWord;
        const key = alt.prefix ? alt.word.slice(0, MIN_PREFIX) : alt.word;
        const list = map.get(key) ?? [];
        if (!list.includes(entry)) list.push(entry);
        map.set(key, list);
      }
    }
  }

  /** Could any phrase start at this token? A cheap test before `matchAt`. */
  mayStartAt(token: Token | undefined): boolean {
    if (!token || token.isBreak) return false;
    return this.byWord.has(token.text) || (token.text.length >= MIN_PREFIX && this.byPrefix.has(token.head));
  }

  /** Every match starting at token `at` (the longest per value). */
  matchAt(tokens: readonly Token[], at: number): PhraseHit<T>[] {
    const token = tokens[at];
    if (!token || token.isBreak) return NO_HITS;
    const exact = this.byWord.get(token.text);
    const prefixed = token.text.length >= MIN_PREFIX ? this.byPrefix.get(token.head) : undefined;
    if (!exact && !prefixed) return NO_HITS;
    let hits: PhraseHit<T>[] | undefined;
    for (let l = 0; l < 2; l++) {
      const list = l === 0 ? exact : prefixed;
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const { phrase, value } = list[k] as { phrase: Phrase; value: T };
        const to = matchFrom(phrase.slots, tokens, at, 0);
        if (to <= at) continue;
        if (!hits) hits = [];
        let index = -1;
        for (let h = 0; h < hits.length; h++) if ((hits[h] as PhraseHit<T>).value === value) index = h;
        if (index < 0) hits.push({ value, from: at, to });
        else if (to > (hits[index] as PhraseHit<T>).to) hits[index] = { value, from: at, to };
      }
    }
    return hits ?? NO_HITS;
  }

  match(tokens: readonly Token[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const found = this.matchAt(tokens, i);
      for (let k = 0; k < found.length; k++) hits.push(found[k] as PhraseHit<T>);
    }
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
