import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Answers, Fact, Facts } from '../types.js';
import { applyOverrides } from './extract-facts.js';

export const EMPTY_FACTS: Facts = { facts: [], negated: [], measurements: [] };

/**
 * Joins what was known (a thread's earlier facts) with what was just said. A newer assertion
 * clears an older negation of the same signal and vice versa; a newer fact whose signal
 * `replacesGroup` clears older facts of its group ("actually it is only 20 GB").
 */
export function mergeFacts(
  older: Facts,
  newer: Facts,
  kb: KnowledgeBase,
  /** what the older facts become: `context` (earlier in the conversation, the default) or kept as they are */
  olderOrigin: Fact['origin'] | 'keep' = 'context',
): Facts {
  const relabel = (f: Fact): Fact => (olderOrigin === 'keep' ? f : { ...f, origin: olderOrigin });
  const groupOf = (signal: string) => kb.signals.get(signal)?.group;
  const replacedGroups = new Set(
    newer.facts.filter((f) => kb.signals.get(f.signal)?.replacesGroup).map((f) => groupOf(f.signal)),
  );
  const newlyAsserted = new Set(newer.facts.map((f) => f.signal));
  const newlyNegated = new Set(newer.negated.map((f) => f.signal));
  const keep = (f: Fact) => !replacedGroups.has(groupOf(f.signal));
  const facts = [...older.facts.filter((f) => keep(f) && !newlyNegated.has(f.signal)).map(relabel), ...newer.facts];
  const negated = [
    ...older.negated.filter((f) => keep(f) && !newlyAsserted.has(f.signal)).map(relabel),
    ...newer.negated,
  ];
  const measurements = [
    ...older.measurements.filter((m) => !newer.measurements.some((n) => n.measure === m.measure)),
    ...newer.measurements,
  ];
  return { facts: applyOverrides(dedupe(facts), kb), negated: dedupe(negated), measurements };
}

function dedupe(facts: readonly Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.signal}\u0000${f.evidence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An id from outside, short enough to quote in a message or a log line. */
const clipId = (id: string) => (id.length > 40 ? `${id.slice(0, 40)}…` : id);

export type AnswerProblem = { readonly followUp: string; readonly message: string };

/** Turns answers to follow-up questions (follow-up id → option id) into facts. */
export function answersToFacts(answers: Answers, kb: KnowledgeBase): { facts: Facts; problems: AnswerProblem[] } {
  const facts: Fact[] = [];
  const problems: AnswerProblem[] = [];
  for (const [followUpId, optionId] of Object.entries(answers)) {
    const followUp = kb.followUps.find((f) => f.id === followUpId);
    if (!followUp) {
      problems.push({ followUp: clipId(followUpId), message: `unknown follow-up "${clipId(followUpId)}"` });
      continue;
    }
    const option = followUp.options.find((o) => o.id === optionId);
    if (!option) {
      const valid = followUp.options.map((o) => o.id).join(', ');
      problems.push({
        followUp: followUpId,
        message: `"${clipId(optionId)}" is not an answer to ${followUpId} (one of: ${valid})`,
      });
      continue;
    }
    for (const signal of option.asserts) facts.push({ signal, evidence: option.label, origin: 'answer' });
  }
  return { facts: { facts, negated: [], measurements: [] }, problems };
}
