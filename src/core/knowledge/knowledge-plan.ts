import type { Phrase } from '../text/phrase.js';
import type { FrameworkData } from './frameworks-schema.js';
import type { UnitRef } from './knowledge-base.js';
import type {
  CatalogueEntryData,
  ConversationData,
  CriterionData,
  DimensionData,
  FollowUpData,
  LanguageData,
  MeasureData,
  MentionsData,
  ModelData,
  OutcomeData,
  ScoringData,
  SignalData,
  SuggestionData,
  ToolRoleData,
} from './schema.js';

export type PlannedPhrase<T> = { readonly phrase: Phrase; readonly value: T };

/**
 * The knowledge after validation: every section checked, every reference resolved and every
 * pattern parsed, as plain JSON. The build writes it as the snapshot the library loads, so a
 * process that answers never parses YAML or re-validates; `buildKnowledge` only indexes it.
 */
export type KnowledgePlan = {
  readonly format: typeof PLAN_FORMAT;
  readonly signals: readonly SignalData[];
  readonly measures: readonly MeasureData[];
  readonly criteria: readonly CriterionData[];
  readonly outcomes: readonly OutcomeData[];
  readonly suggestions: readonly SuggestionData[];
  /** highest priority first */
  readonly followUps: readonly FollowUpData[];
  readonly dimensions: readonly DimensionData[];
  readonly frameworks: readonly FrameworkData[];
  readonly catalogue: readonly CatalogueEntryData[];
  readonly toolRoles: readonly ToolRoleData[];
  readonly language: LanguageData;
  readonly scoring: ScoringData;
  readonly mentions: MentionsData;
  readonly conversation: ConversationData;
  readonly model: ModelData | undefined;
  readonly phrases: {
    /** prose phrase → signal id */
    readonly prose: readonly PlannedPhrase<string>[];
    /** phrase that cancels a signal where the two overlap → that signal id */
    readonly except: readonly PlannedPhrase<string>[];
    readonly code: readonly PlannedPhrase<string>[];
    /** one per catalogue alias: the product's id and the signals the name implies */
    readonly tools: readonly PlannedPhrase<{ readonly tool: string; readonly implies: readonly string[] }>[];
    readonly units: readonly PlannedPhrase<UnitRef>[];
    /** per measure id, in the order of the measures */
    readonly notNear: readonly (readonly [string, readonly Phrase[]])[];
    readonly negators: readonly Phrase[];
    readonly postNegations: readonly Phrase[];
    readonly uncertainty: readonly Phrase[];
    readonly hedges: readonly Phrase[];
    readonly notNegating: readonly Phrase[];
    readonly numberWords: readonly PlannedPhrase<number>[];
    /** mention status cues → status id */
    readonly before: readonly PlannedPhrase<string>[];
    readonly after: readonly PlannedPhrase<string>[];
  };
};

/** Bumped whenever the plan's shape changes, so an old snapshot is never read as a new one. */
export const PLAN_FORMAT = 2 as const;
