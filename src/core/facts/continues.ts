import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Facts } from '../types.js';

/**
 * Does a chat message continue the conversation, or start fresh? It continues when it only adds
 * facts ("it's about 40 TB", "no GPUs", "nightly"); a fact in a fresh group (a task of its own) or
 * a product named in a fresh status (a framework question of its own) starts fresh. A reply in the
 * bot's thread and a button answer always continue: the front ends do not ask this for them.
 */
export function continuesConversation(kb: KnowledgeBase, said: Facts): boolean {
  const { freshGroups, freshStatuses } = kb.conversation;
  for (const f of said.facts) {
    if (f.status !== undefined && freshStatuses.has(f.status)) return false;
    const group = kb.signals.get(f.signal)?.group;
    if (group !== undefined && freshGroups.has(group) && f.tool === undefined) return false;
  }
  return true;
}

/** The earlier facts a new message builds on: all but those about how an earlier message asked. */
export function carriedOver(kb: KnowledgeBase, context: Facts): Facts {
  const kept = context.facts.filter((f) => !kb.signals.get(f.signal)?.perMessage);
  return kept.length === context.facts.length ? context : { ...context, facts: kept };
}
