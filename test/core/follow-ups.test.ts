import { describe, expect, it } from 'vitest';
import { type Answers, ask } from '../../src/index.js';

/** Vague questions, as people open a thread. */
const VAGUE = [
  'Should we use Spark or PyTorch?',
  'Which one is better for our ML platform?',
  'we want to do AI on our data lake, where do we start',
  'Is Spark overkill for us?',
  'Do we need distributed training?',
  'our pipeline is slow, what should we move to',
  'PyTorch or Spark MLlib for our team?',
  'We have a Databricks workspace. What now?',
  'how do I scale my model to big data',
  'spark vs pytorch vs ray',
  'my manager asked me to pick a framework',
  'We are starting a new data project next quarter',
];

describe('follow-ups never dead-end', () => {
  it.each(VAGUE)('%j: every path through the follow-ups ends decided or with a question', (question) => {
    const first = ask(question);
    if (first.verdict !== 'unclear') {
      // a vague question answered outright is no dead end only if something in it backs the answer
      expect(first.reasons.length).toBeGreaterThan(0);
      return;
    }
    expect(first.followUps.length).toBeGreaterThan(0);
    // walk every option of every follow-up the first answer asks, one question at a time, then all of them
    const paths: Answers[] = [];
    const [q1, q2] = first.followUps;
    for (const a of q1?.options ?? []) {
      if (!q2) paths.push({ [q1?.id as string]: a.id });
      for (const b of q2?.options ?? []) paths.push({ [q1?.id as string]: a.id, [q2?.id as string]: b.id });
    }
    for (const answers of paths) {
      const next = ask('', { context: first.facts, answers });
      if (next.verdict === 'unclear') {
        expect(next.followUps.length, JSON.stringify(answers)).toBeGreaterThan(0);
        // it asks for what is still missing, never for something already answered
        for (const f of next.followUps) expect(Object.keys(answers)).not.toContain(f.id);
      } else expect(next.reasons.length, JSON.stringify(answers)).toBeGreaterThan(0);
    }
  });

  it('once the decisive facts are answered, the answer is decided', () => {
    const first = ask('Should we use Spark or PyTorch?');
    const decisive = { 'data-size': 'terabytes', 'main-job': 'transform-data' };
    expect(ask('', { context: first.facts, answers: decisive }).verdict).not.toBe('unclear');
  });

  it('the unclear text names what the question did not say, never what it said', () => {
    const r = ask('We have about 40 TB; should it be Spark or PyTorch?');
    expect(r.summary).not.toMatch(/how much data/);
    expect(r.followUps.map((f) => f.id)).not.toContain('data-size');
    const vague = ask('Should we use Spark or PyTorch?');
    expect(vague.verdict).toBe('unclear');
    expect(vague.summary).toMatch(/how much data one run reads/);
  });
});
