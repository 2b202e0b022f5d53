/**
 * The library: `ask`, `compare` and `review` on the bundled knowledge base (or one passed in).
 * Synchronous; every front end calls these.
 */
import {
  type Answers,
  answersToFacts,
  type Comparison,
  carriedOver,
  compareDimensions,
  continuesConversation,
  extractFacts,
  type Facts,
  type KnowledgeBase,
  mergeFacts,
  type Recommendation,
  recommend,
} from './core/index.js';
import { checkQuestion, InputError } from './input-error.js';
import { bundledKnowledge } from './knowledge/load-knowledge.js';

export * from './core/index.js';
export { checkChatMessage, InputError, MAX_CHAT_CHARS, MAX_QUESTION_CHARS } from './input-error.js';
export { bundledKnowledge, formatIssue, KnowledgeError, loadKnowledgeTexts } from './knowledge/load-knowledge.js';
export { MAX_DIFF_CHARS, type ReviewOptions, review } from './review.js';

export type AskOptions = {
  /** another knowledge base instead of the bundled one */
  readonly knowledge?: KnowledgeBase;
  /** facts from earlier in the conversation (a previous Recommendation's `facts`) */
  readonly context?: Facts;
  /**
   * how this message relates to the context: `thread` (a reply in the bot's thread, a button: it
   * always continues; the default) or `chat` (a DM or personal chat: it continues only when it
   * brings no task of its own and only adds facts, else it starts fresh)
   */
  readonly follows?: 'thread' | 'chat';
  /** answers to follow-up questions: follow-up id → option id */
  readonly answers?: Answers;
};

/** Recommends Spark, PyTorch, both, neither — or asks what would settle it. */
export function ask(text: string, options: AskOptions = {}): Recommendation {
  const kb = options.knowledge ?? bundledKnowledge();
  const hasEarlier = options.context !== undefined || (options.answers && Object.keys(options.answers).length > 0);
  const question = hasEarlier && text.trim() === '' ? '' : checkQuestion(text);
  const said = extractFacts(question, kb);
  const continues = options.context !== undefined && (options.follows !== 'chat' || continuesConversation(kb, said));
  let facts = continues && options.context ? mergeFacts(carriedOver(kb, options.context), said, kb) : said;
  if (options.answers && Object.keys(options.answers).length > 0) {
    const { facts: answered, problems } = answersToFacts(options.answers, kb);
    if (problems.length > 0) throw new InputError(problems.map((p) => p.message).join('; '));
    // button answers come with this message: what was said with them is not "from earlier"
    facts = mergeFacts(facts, answered, kb, 'keep');
  }
  return recommend(kb, facts);
}

/** How long a chat (a Slack DM, a Teams chat) remembers its facts after its last message. */
export function chatMemorySeconds(knowledge: KnowledgeBase = bundledKnowledge()): number {
  return knowledge.conversation.chatMemorySeconds;
}

/** Spark and PyTorch side by side on one dimension, or all of them. */
export function compare(dimension?: string, options: { knowledge?: KnowledgeBase } = {}): Comparison {
  const result = compareDimensions(options.knowledge ?? bundledKnowledge(), dimension);
  if (!result.ok) throw new InputError(result.message);
  return result.comparison;
}
