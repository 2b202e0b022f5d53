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
  /** the first three characters, computed once: the key prefix patterns are indexed by */
  readonly head: string;
};

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

export function tokenize(text: string, options: { code?: boolean } = {}): Token[] {
  const breaks = options.code ? CODE_BREAKS : BREAKS;
  const tokens: Token[] = [];
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
      let word = text.slice(start, i).toLowerCase();
      if (word.includes('\u2019')) word = word.replace(/\u2019/g, "'");
      // a possessive names the thing itself: "Spark's" is "spark"
      if (word.endsWith("'s") && word.length > 3) word = word.slice(0, -2);
      tokens.push({ text: word, start, end: i, isBreak: false, head: word.slice(0, 3) });
      continue;
    }
    const ch = text[i] as string;
    if (breaks.has(ch)) {
      // "e.g." and decimals were handled above; a lone break char ends the clause
      tokens.push({ text: ch, start: i, end: i + 1, isBreak: true, head: ch });
    }
    i++;
  }
  return tokens;
}
