import type { PhraseMatcher } from '../text/phrase.js';
import type { FrameworkData } from './frameworks-schema.js';
import type {
  CatalogueEntryData,
  CriterionData,
  DimensionData,
  FollowUpData,
  MeasureData,
  MentionStatusData,
  OutcomeData,
  ScoringData,
  SignalData,
  SuggestionData,
  ToolRoleData,
} from './schema.js';

/** A product's role is a signal too ("tool.single-machine-engine"), so criteria can name it. */
const ROLE_SIGNAL_PREFIX = 'tool.';
// both built once per role and kept (roles come from the knowledge): read for every named product
const roleSignals = new Map<string, string>();
const roles = new Map<string, string>();
export const roleSignal = (role: string): string => {
  let signal = roleSignals.get(role);
  if (signal === undefined) {
    signal = `${ROLE_SIGNAL_PREFIX}${role}`;
    if (roleSignals.size < 10_000) roleSignals.set(role, signal);
  }
  return signal;
};
export const isRoleSignal = (signal: string) => signal.startsWith(ROLE_SIGNAL_PREFIX);
export const roleOf = (signal: string): string => {
  let role = roles.get(signal);
  if (role === undefined) {
    role = signal.slice(ROLE_SIGNAL_PREFIX.length);
    if (roles.size < 10_000) roles.set(signal, role);
  }
  return role;
};

/** What a prose phrase points at: a signal, or a named product from the catalogue. */
export type ProseTarget =
  | { readonly signal: string; readonly tool?: never; readonly except?: never }
  /** a phrase that cancels the named signal where the two overlap */
  | { readonly except: string; readonly signal?: never; readonly tool?: never }
  | {
      readonly tool: CatalogueEntryData;
      /** signals whose own phrases spell one of the product's names exactly */
      readonly implies: ReadonlySet<string>;
      readonly signal?: never;
      readonly except?: never;
    };

/** The fitted linear model, with one weight vector (per outcome) per feature. */
export type CompiledModel = {
  readonly outcomes: readonly string[];
  readonly temperature: number;
  readonly priorScale: number;
  readonly bias: Float64Array;
  readonly weights: ReadonlyMap<string, Float64Array>;
  readonly size: number;
};

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
  /** prose phrases → signal, and catalogue aliases → product, in one matcher (one pass) */
  readonly prose: PhraseMatcher<ProseTarget>;
  /** code phrases → signal id */
  readonly code: PhraseMatcher<string>;
  readonly units: PhraseMatcher<UnitRef>;
  readonly measures: ReadonlyMap<string, MeasureData>;
  /** the measure a named product's memory is recorded as, if the knowledge has one */
  readonly productMemoryMeasure: string | undefined;
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
  readonly catalogue: ReadonlyMap<string, CatalogueEntryData>;
  readonly toolRoles: ReadonlyMap<string, ToolRoleData>;
  readonly mentions: {
    readonly window: number;
    readonly plain: string;
    readonly negated: string;
    readonly doubted: string;
    readonly statuses: ReadonlyMap<string, MentionStatusData>;
    /** a status's place in the file: when several cues stand near a mention, the lowest rank wins */
    readonly rank: ReadonlyMap<string, number>;
    readonly crossWith: ReadonlySet<string>;
    /** tokens that join named products into one list, which shares its cue */
    readonly listJoiners: ReadonlySet<string>;
    readonly before: PhraseMatcher<string>;
    readonly after: PhraseMatcher<string>;
  };
  readonly conversation: {
    readonly freshGroups: ReadonlySet<string>;
    readonly freshStatuses: ReadonlySet<string>;
    readonly chatMemorySeconds: number;
  };
  /** absent until `npm run knowledge:fit` has written knowledge/model.yaml */
  readonly model: CompiledModel | undefined;
};
