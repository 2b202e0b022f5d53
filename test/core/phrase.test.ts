import { describe, expect, it } from 'vitest';
import { PhraseMatcher, parsePattern } from '../../src/core/text/phrase.js';
import { readTokens, tokenize } from '../../src/core/text/tokenize.js';

describe('tokenize', () => {
  it.each([
    ['We have ~40TB in HDFS.', ['we', 'have', '40tb', 'in', 'hdfs', '.']],
    ['don’t use 1.5 GB, 1,000 rows', ["don't", 'use', '1.5', 'gb', ',', '1,000', 'rows']],
    ['fine-tune a 7B model', ['fine', 'tune', 'a', '7b', 'model']],
    ['8x A100s; no GPUs', ['8x', 'a100s', ';', 'no', 'gpus']],
  ])('%s', (text, expected) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(expected);
  });

  it('keeps offsets into the original text', () => {
    const text = 'Nightly  JOINS';
    const [, joins] = tokenize(text);
    expect(text.slice(joins?.start, joins?.end)).toBe('JOINS');
  });
});

describe('parsePattern', () => {
  it.each([
    ['', 'a phrase needs at least one word'],
    ['one two three four five six seven eight nine', 'at most 8 words'],
    ['big? data', 'first word of a phrase cannot be optional'],
    ['a b? c? d? e?', 'at most 3 optional'],
    ['tr*', 'at least 3 letters'],
    ['data (lake', 'unbalanced parentheses'],
    ['data la(ke)', 'parentheses must enclose a whole word'],
    ['data (lake|(pond))', 'nested parentheses'],
    ['data l@ke', 'is not a word'],
    ['* model', 'cannot start with the wildcard'],
  ])('rejects %j', (source, message) => {
    expect(parsePattern(source)).toContain(message);
  });
});

describe('PhraseMatcher', () => {
  const compile = (patterns: string[]) =>
    new PhraseMatcher(
      patterns.flatMap((p, i) => {
        const phrases = parsePattern(p);
        if (typeof phrases === 'string') throw new Error(phrases);
        return phrases.map((phrase) => ({ phrase, value: `p${i}` }));
      }),
    );

  it.each([
    [['fine tun*'], 'we will fine-tune it', ['p0:2-4']],
    [['data (lake*|warehouse)'], 'our data lakehouse', ['p0:1-3']],
    [['spin up|startup'], 'the spin up and the startup', ['p0:1-3', 'p0:5-6']],
    [['train (a|the)? model'], 'train model and train a model', ['p0:0-2', 'p0:3-6']],
    [['big data'], 'big. data', []],
    [['gpu|gpus'], 'GPUs', ['p0:0-1']],
    [['run (a|the)? *? model'], 'run a segmentation model, run the model', ['p0:0-4', 'p0:5-8']],
    // phrases needing a given second word and phrases that do not, under one first word
    [['big data', 'big'], 'big data and big', ['p0:0-2', 'p1:0-1', 'p1:3-4']],
    [['big (data|lake)', 'big *'], 'big pond, big lake', ['p1:0-2', 'p0:3-5', 'p1:3-5']],
    [['dat* lake', 'data'], 'datalake lake, data', ['p0:0-2', 'p1:3-4']],
  ])('%j in %j', (patterns, text, expected) => {
    const hits = compile(patterns).match(readTokens(text));
    expect(hits.map((h) => `${h.value}:${h.from}-${h.to}`)).toEqual(expected);
  });
});
