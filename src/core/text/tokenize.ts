/**
 * Splits text into word tokens and clause-breaking punctuation in one linear pass.
 * A word is a run of letters, digits, `_` and inner apostrophes; a number keeps its inner
 * `.` and `,` ("1.5", "1,000"). Offsets index the original string, so evidence can quote it.
 */
export type Token = {
  /** lower-cased text; curly apostrophes folded to ' */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** true for . ; : ! ? , and line breaks: they end a clause */
  readonly isBreak: boolean;
};

/**
 * The tokens of one text as parallel arrays, token i at index i: no object per token, and the
 * arrays are kept for the next text, so reading a question allocates little beyond the words.
 */
export class Tokens {
  length = 0;
  /** lower-cased text; curly apostrophes folded to ' */
  readonly text: string[] = [];
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** 1 for . ; : ! ? , and line breaks: they end a clause */
  isBreak = new Uint8Array(256);

  push(text: string, start: number, end: number, isBreak: boolean): void {
    const i = this.length++;
    if (i === this.start.length) this.grow();
    this.text[i] = text;
    this.start[i] = start;
    this.end[i] = end;
    this.isBreak[i] = isBreak ? 1 : 0;
  }

  /** Is token i a word (not punctuation, not past the end)? */
  isWord(i: number): boolean {
    return i >= 0 && i < this.length && this.isBreak[i] === 0;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const start = new Int32Array(size);
    start.set(this.start);
    this.start = start;
    const end = new Int32Array(size);
    end.set(this.end);
    this.end = end;
    const isBreak = new Uint8Array(size);
    isBreak.set(this.isBreak);
    this.isBreak = isBreak;
  }
}

const BREAKS = new Set(['.', ';', ':', '!', '?', ',', '\n', '(', ')', '[', ']', '—', '–']);

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    code === 95 || // _
    (code > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(code)))
  );
}

function isDigit(code: number | undefined): boolean {
  return code !== undefined && code >= 48 && code <= 57;
}

/** In code only line ends and `;` end a clause: `master("local[*]")` stays one phrase. */
const CODE_BREAKS = new Set(['\n', ';']);

function readWord(text: string, start: number, end: number): string {
  let word = text.slice(start, end).toLowerCase();
  if (word.includes('\u2019')) word = word.replace(/\u2019/g, "'");
  // a possessive names the thing itself: "Spark's" is "spark"
  if (word.endsWith("'s") && word.length > 3) word = word.slice(0, -2);
  return word;
}

/**
 * Plain words (ASCII letters, digits, `_`) read before, by a hash of their lower-cased characters:
 * a slot holds the last word that hashed there. Questions reuse most of their words, so most tokens
 * take no new string. Fixed size, so it never grows.
 */
const KNOWN_SLOTS = 4096;
const MAX_KNOWN_LENGTH = 40;
const known: (string | undefined)[] = new Array(KNOWN_SLOTS).fill(undefined);

const lower = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);

/** The word text[start, end) as `readWord` reads it, when it is a plain word read before. */
function knownWord(text: string, start: number, end: number): string | undefined {
  // a long run of letters is no word a question repeats: not worth a slot
  if (end - start > MAX_KNOWN_LENGTH) return undefined;
  let hash = 0;
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k);
    // apostrophes (possessives, curly quotes) and non-ASCII letters take the full path
    if (code > 127 || code === 39) return undefined;
    hash = (Math.imul(hash, 31) + lower(code)) | 0;
  }
  const slot = hash & (KNOWN_SLOTS - 1);
  const word = known[slot];
  if (word !== undefined && word.length === end - start) {
    let same = true;
    for (let k = 0; k < word.length && same; k++) same = word.charCodeAt(k) === lower(text.charCodeAt(start + k));
    if (same) return word;
  }
  const read = text.slice(start, end).toLowerCase();
  known[slot] = read;
  return read;
}

/** Reads the tokens of `text` into `into` (emptied first) and returns it. */
export function readTokens(text: string, options: { code?: boolean } = {}, into: Tokens = new Tokens()): Tokens {
  const breaks = options.code ? CODE_BREAKS : BREAKS;
  into.length = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isWordChar(code)) {
      const start = i;
      i++;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (isWordChar(c)) {
          i++;
          continue;
        }
        const next = text.charCodeAt(i + 1);
        const prev = text.charCodeAt(i - 1);
        // 1.5 and 1,000 stay one token; so do don't and don’t
        if ((c === 46 || c === 44) && isDigit(prev) && isDigit(next)) {
          i += 2;
          continue;
        }
        if ((c === 39 || c === 0x2019) && isWordChar(next) && !isDigit(next)) {
          i += 2;
          continue;
        }
        break;
      }
      into.push(knownWord(text, start, i) ?? readWord(text, start, i), start, i, false);
      continue;
    }
    const ch = text[i] as string;
    if (breaks.has(ch)) {
      // "e.g." and decimals were handled above; a lone break char ends the clause
      into.push(ch, i, i + 1, true);
    }
    i++;
  }
  return into;
}

/** The tokens as objects: for compiling knowledge and for tests, where speed does not matter. */
export function tokenize(text: string, options: { code?: boolean } = {}): Token[] {
  const tokens = readTokens(text, options);
  return Array.from({ length: tokens.length }, (_, i) => ({
    text: tokens.text[i] as string,
    start: tokens.start[i] as number,
    end: tokens.end[i] as number,
    isBreak: tokens.isBreak[i] === 1,
  }));
}
