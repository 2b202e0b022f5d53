/** The pure core: no environment, clock, filesystem, network or SDK. Everything comes in as arguments. */

export { type CompareResult, compareDimensions } from './compare/compare.js';
export { carriedOver, continuesConversation } from './facts/continues.js';
export { extractFacts } from './facts/extract-facts.js';
export { answersToFacts, EMPTY_FACTS, mergeFacts } from './facts/merge-facts.js';
export {
  type CompileResult,
  compileKnowledge,
  type KnowledgeIssue,
  type KnowledgeSource,
} from './knowledge/compile-knowledge.js';
export type { CompiledModel, KnowledgeBase } from './knowledge/knowledge-base.js';
export { featuresOf, modelOutcomes, PRIOR, predict, priorModel } from './recommend/model.js';
export { activeModel, recommend } from './recommend/recommend.js';
export {
  type ConfigIssue,
  DEFAULT_CONFIG,
  parseRepoConfig,
  type RepoConfig,
  RepoConfigSchema,
} from './review/config.js';
export {
  detectChanges,
  frameworksInFiles,
  type Inventory,
  inventoryOf,
  type Known,
} from './review/detect-changes.js';
export { type DiffFile, parseDiff } from './review/parse-diff.js';
export { fileKind } from './review/read-declarations.js';
export { type ReviewInput, reviewChanges } from './review/review-changes.js';
export * from './review/types.js';
export * from './types.js';
