/** The pure core: no environment, clock, filesystem, network or SDK. Everything comes in as arguments. */
export * from './types.js';
export type { KnowledgeBase } from './knowledge/knowledge-base.js';
export { compileKnowledge, type KnowledgeIssue, type KnowledgeSource, type CompileResult } from './knowledge/compile-knowledge.js';
export { extractFacts } from './facts/extract-facts.js';
export { mergeFacts, answersToFacts, EMPTY_FACTS } from './facts/merge-facts.js';
export { recommend } from './recommend/recommend.js';
export { compareDimensions, type CompareResult } from './compare/compare.js';
