import type { PhraseMatcher } from '../text/phrase.js';
import type { FrameworkData } from './frameworks-schema.js';
import type {
  CriterionData,
  DimensionData,
  FollowUpData,
  MeasureData,
  OutcomeData,
  ScoringData,
  SignalData,
  SuggestionData,
} from './schema.js';

export type UnitRef = { readonly measure: string; readonly factor: number; readonly implied: boolean };

/** The validated, compiled knowledge: what every core function takes. Frozen, never mutated. */
export type KnowledgeBase = {
  readonly language: {
    readonly negators: PhraseMatcher<true>;
    readonly negationWindow: number;
    readonly postNegations: PhraseMatcher<true>;
    readonly postNegationWindow: number;
    readonly uncertainty: PhraseMatcher<true>;
    readonly hedges: PhraseMatcher<true>;
    readonly notNegating: PhraseMatcher<true>;
    readonly clauseBreaks: ReadonlySet<string>;
    readonly numberWords: PhraseMatcher<number>;
    readonly magnitudes: ReadonlyMap<string, number>;
    readonly suffixMultipliers: ReadonlyMap<string, number>;
    readonly unitStopWords: ReadonlySet<string>;
    readonly impliedQuantity: number;
  };
  readonly signals: ReadonlyMap<string, SignalData>;
  /** prose phrases → signal id */
  readonly prose: PhraseMatcher<string>;
  /** code phrases → signal id */
  readonly code: PhraseMatcher<string>;
  readonly units: PhraseMatcher<UnitRef>;
  readonly measures: ReadonlyMap<string, MeasureData>;
  /** per measure: phrases that, right beside a unit, mean it is not this measure */
  readonly notNear: ReadonlyMap<string, PhraseMatcher<true>>;
  readonly criteria: readonly CriterionData[];
  readonly outcomes: readonly OutcomeData[];
  readonly scoring: ScoringData;
  readonly suggestions: ReadonlyMap<string, SuggestionData>;
  /** highest priority first */
  readonly followUps: readonly FollowUpData[];
  readonly dimensions: readonly DimensionData[];
  readonly frameworks: readonly FrameworkData[];
};
