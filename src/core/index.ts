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
export { parseDiff, type DiffFile } from './review/parse-diff.js';
export { detectChanges, frameworksInFiles } from './review/detect-changes.js';
export { reviewChanges, type ReviewInput } from './review/review-changes.js';
export { parseRepoConfig, RepoConfigSchema, DEFAULT_CONFIG, type RepoConfig, type ConfigIssue } from './review/config.js';
export * from './review/types.js';
