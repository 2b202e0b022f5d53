import { describe, expect, it } from 'vitest';
import { ask, bundledKnowledge, continuesConversation, extractFacts } from '../../src/index.js';

const kb = bundledKnowledge();
const continues = (text: string) => continuesConversation(kb, extractFacts(text, kb));

describe('when a chat message continues the conversation', () => {
  it.each([
    ["it's about 40 TB", true],
    ['no GPUs', true],
    ['nightly', true],
    ['we are on Databricks', true],
    ['thanks!', true],
    ['I have a 300 MB CSV and need a few pivot tables', false],
    ['we need to fine-tune a BERT model', false],
    ['should we use Ray instead?', false],
  ])('%j → %s', (text, expected) => {
    expect(continues(text)).toBe(expected);
  });
});

describe('the same rule for every front end (the library)', () => {
  const earlier = ask('fine-tune a 7B model on 8 A100s, the corpus is 30 GB of text');

  it.each([
    'I have a 300 MB CSV and need a few pivot tables',
    'We have 40 TB of clickstream in HDFS and need nightly joins',
    'score our 2B-row Hive table with a trained PyTorch model every night',
  ])('in a chat, %j gets the verdict it gets alone, nothing carried', (question) => {
    const r = ask(question, { context: earlier.facts, follows: 'chat' });
    expect(r.verdict).toBe(ask(question).verdict);
    expect(r.carried).toEqual([]);
  });

  it('in a chat, a refinement builds on the earlier facts and names them', () => {
    const vague = ask('Should we use Spark or PyTorch?');
    const r = ask("it's about 40 TB of logs", { context: vague.facts, follows: 'chat' });
    expect(r.carried.length).toBeGreaterThan(0);
  });

  it('in a thread, a reply always continues', () => {
    const r = ask('I have a 300 MB CSV and need a few pivot tables', { context: earlier.facts, follows: 'thread' });
    expect(r.carried.length).toBeGreaterThan(0);
  });
});

describe('how a message asked is not carried into the next one', () => {
  it('"which should we pick?" is answered by the follow-up, not kept: the refined answer decides and quotes only the situation', () => {
    const first = ask('The data is in Hive. Which framework should we pick?');
    expect(first.verdict).toBe('unclear');
    expect(first.facts.facts.map((f) => f.signal)).toContain('ask.open');
    const refined = ask('', { context: first.facts, answers: { 'main-job': 'train-network' } });
    expect(refined.facts.facts.map((f) => f.signal)).not.toContain('ask.open');
    expect(refined.carried).toEqual(['Hive']);
    expect(refined.verdict).not.toBe('unclear');
  });
});
