/** The pure core: no environment, clock, filesystem, network or SDK. Everything comes in as arguments. */

export { type CompareResult, compareDimensions } from './compare/compare.js';
export { extractFacts } from './facts/extract-facts.js';
export { answersToFacts, EMPTY_FACTS, mergeFacts } from './facts/merge-facts.js';
export {
  type CompileResult,
  compileKnowledge,
  type KnowledgeIssue,
  type KnowledgeSource,
} from './knowledge/compile-knowledge.js';
export type { KnowledgeBase } from './knowledge/knowledge-base.js';
export { recommend } from './recommend/recommend.js';
export * from './types.js';
