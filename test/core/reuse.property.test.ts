/**
 * The core keeps a few things between calls to allocate less (a table of words read before,
 * per-token arrays, a short-list sort). These properties check that what is kept never changes
 * what is read: the same text gives the same tokens and facts, whatever came before it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortSmall } from '../../src/core/sort-small.js';
import { readTokens, tokenize } from '../../src/core/text/tokenize.js';
import { bundledKnowledge, extractFacts } from '../../src/index.js';

const kb = bundledKnowledge();
/** The words as the tokenizer reads them without its table: lower case, curly apostrophe folded, no possessive. */
const plainRead = (word: string) => {
  const lower = word.toLowerCase().replace(/\u2019/g, "'");
  return lower.endsWith("'s") && lower.length > 3 ? lower.slice(0, -2) : lower;
};

describe('the table of words read before', () => {
  it('gives back the word as written, in any case, however often it was read', () => {
    expect(tokenize('Spark SPARK spark sPaRk Spark’s').map((t) => t.text)).toEqual([
      'spark',
      'spark',
      'spark',
      'spark',
      'spark',
    ]);
  });

  it('never confuses two words, even when they share a slot', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), (words) => {
        // twice: the second reading comes from the table
        for (let round = 0; round < 2; round++) {
          expect(tokenize(words.join(' ')).map((t) => t.text)).toEqual(words.map(plainRead));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a long text into arrays of its own and a short one after it as before', () => {
    const short = 'We have 40 TB in HDFS and no GPUs.';
    const before = JSON.stringify(extractFacts(short, kb));
    extractFacts('pyspark duckdb pytorch ray databricks '.repeat(2_000), kb);
    expect(JSON.stringify(extractFacts(short, kb))).toBe(before);
    expect(readTokens(short).length).toBe(tokenize(short).length);
  });
});

describe('facts do not depend on the text read before', () => {
  const words = fc.constantFrom(
    'Spark',
    'PyTorch',
    'no',
    "don't",
    'GPUs',
    '40',
    'TB',
    'a few hundred',
    'gigs',
    'nightly',
    'joins',
    'we',
    'use',
    'DuckDB',
    'replace',
    'but',
    ',',
    '.',
  );
  const text = fc.array(words, { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));

  it('a text reads the same after any other', () => {
    fc.assert(
      fc.property(text, text, (first, second) => {
        const alone = JSON.stringify(extractFacts(second, kb));
        extractFacts(first, kb);
        expect(JSON.stringify(extractFacts(second, kb))).toBe(alone);
      }),
      { numRuns: 200 },
    );
  });
});

describe('sortSmall', () => {
  it('orders like Array.prototype.sort, keeping equal items in order', () => {
    const item = fc.record({ key: fc.integer({ min: 0, max: 5 }), id: fc.nat() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (items) => {
        const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
        expect(sortSmall([...items], byKey)).toEqual([...items].sort(byKey));
      }),
    );
  });
});
