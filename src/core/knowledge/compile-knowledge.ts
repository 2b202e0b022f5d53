import { z } from 'zod';
import { matchesWhole, type Phrase, PhraseMatcher, parsePattern } from '../text/phrase.js';
import { tokenize } from '../text/tokenize.js';
import { type FrameworkData, FrameworkSchema } from './frameworks-schema.js';
import {
  type CompiledModel,
  type KnowledgeBase,
  type ProseTarget,
  roleSignal,
  type UnitRef,
} from './knowledge-base.js';
import {
  type CatalogueEntryData,
  CatalogueEntrySchema,
  ConversationSchema,
  CriterionSchema,
  DimensionSchema,
  FollowUpSchema,
  LanguageSchema,
  MeasureSchema,
  MentionsSchema,
  type ModelData,
  ModelSchema,
  OutcomeSchema,
  ScoringSchema,
  SignalSchema,
  SuggestionSchema,
  ToolRoleSchema,
} from './schema.js';

/** One knowledge file after the edge has parsed its YAML. */
export type KnowledgeSource = { readonly file: string; readonly data: unknown };
export type KnowledgeIssue = { readonly file: string; readonly path: string; readonly message: string };
export type CompileResult =
  | { readonly ok: true; readonly knowledge: KnowledgeBase }
  | { readonly ok: false; readonly issues: readonly KnowledgeIssue[] };

const MAX_ALIAS_WORDS = 6;

function compileModel(m: ModelData): CompiledModel {
  const n = m.outcomes.length;
  const vector = (w: Readonly<Record<string, number>>) => Float64Array.from(m.outcomes, (o) => w[o] ?? 0);
  return {
    outcomes: m.outcomes,
    temperature: m.temperature,
    priorScale: m.priorScale,
    bias: vector(m.bias),
    weights: new Map(Object.entries(m.weights).map(([f, w]) => [f, vector(w)])),
    size: n,
  };
}

/** Any file may hold any of these sections; arrays from several files are joined. */
const FileSchema = z.strictObject({
  language: LanguageSchema.optional(),
  scoring: ScoringSchema.optional(),
  signals: z.array(SignalSchema).optional(),
  measures: z.array(MeasureSchema).optional(),
  criteria: z.array(CriterionSchema).optional(),
  outcomes: z.array(OutcomeSchema).optional(),
  suggestions: z.array(SuggestionSchema).optional(),
  followUps: z.array(FollowUpSchema).optional(),
  dimensions: z.array(DimensionSchema).optional(),
  frameworks: z.array(FrameworkSchema).optional(),
  catalogue: z.array(CatalogueEntrySchema).optional(),
  toolRoles: z.array(ToolRoleSchema).optional(),
  mentions: MentionsSchema.optional(),
  model: ModelSchema.optional(),
  conversation: ConversationSchema.optional(),
});
type FileData = z.infer<typeof FileSchema>;
type SingleKey = 'language' | 'scoring' | 'mentions' | 'model' | 'conversation';
type ListKey = Exclude<keyof FileData, SingleKey>;
type Located<T> = { item: T; file: string; path: string };

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/** Validates every source, checks every cross-reference, and reports all problems at once. */
export function compileKnowledge(sources: readonly KnowledgeSource[]): CompileResult {
  const issues: KnowledgeIssue[] = [];
  const lists: { [K in ListKey]: Located<NonNullable<FileData[K]>[number]>[] } = {
    signals: [],
    measures: [],
    criteria: [],
    outcomes: [],
    suggestions: [],
    followUps: [],
    dimensions: [],
    frameworks: [],
    catalogue: [],
    toolRoles: [],
  };
  const singles: { [K in SingleKey]?: Located<NonNullable<FileData[K]>> } = {};

  for (const { file, data } of sources) {
    const parsed = FileSchema.safeParse(data ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          const known = Object.keys(FileSchema.shape).join(', ');
          for (const key of issue.keys) {
            issues.push({ file, path: formatPath([...issue.path, key]), message: `unknown section (known: ${known})` });
          }
        } else issues.push({ file, path: formatPath(issue.path), message: issue.message });
      }
      continue;
    }
    for (const key of Object.keys(lists) as ListKey[]) {
      const items = parsed.data[key] ?? [];
      items.forEach((item, index) => {
        (lists[key] as Located<unknown>[]).push({ item, file, path: `${key}[${index}]` });
      });
    }
    for (const key of ['language', 'scoring', 'mentions', 'model', 'conversation'] as const) {
      const value = parsed.data[key];
      if (value === undefined) continue;
      const earlier = singles[key];
      if (earlier) issues.push({ file, path: key, message: `${key} is already defined in ${earlier.file}` });
      else (singles as Record<string, Located<unknown>>)[key] = { item: value, file, path: key };
    }
  }

  const at = (loc: { file: string; path: string }, sub: string, message: string) =>
    issues.push({ file: loc.file, path: sub ? `${loc.path}.${sub}` : loc.path, message });

  const anyFile = sources[0]?.file ?? 'knowledge';
  for (const key of ['language', 'scoring', 'mentions', 'conversation'] as const) {
    if (!singles[key]) issues.push({ file: anyFile, path: key, message: `no knowledge file defines ${key}` });
  }
  for (const key of ['signals', 'measures', 'criteria', 'outcomes', 'followUps', 'dimensions'] as const) {
    if (lists[key].length === 0)
      issues.push({ file: anyFile, path: key, message: `no knowledge file lists any ${key}` });
  }

  // Duplicate ids within each list.
  for (const key of Object.keys(lists) as ListKey[]) {
    const seen = new Map<string, Located<unknown>>();
    for (const loc of lists[key] as Located<{ id: string }>[]) {
      const first = seen.get(loc.item.id);
      if (first) at(loc, 'id', `duplicate id "${loc.item.id}" (first defined at ${first.file} ${first.path})`);
      else seen.set(loc.item.id, loc);
    }
  }

  const roleIds = new Set(lists.toolRoles.map((l) => l.item.id));
  const signalIds = new Set([...lists.signals.map((l) => l.item.id), ...[...roleIds].map(roleSignal)]);
  const outcomeIds = new Set(lists.outcomes.map((l) => l.item.id));
  const suggestionIds = new Set(lists.suggestions.map((l) => l.item.id));
  const groups = new Set(lists.signals.map((l) => l.item.group));
  const needSignal = (loc: Located<unknown>, sub: string, ref: string) => {
    if (!signalIds.has(ref)) at(loc, sub, `unknown signal "${ref}"`);
  };

  const compilePhrases = <T>(loc: Located<unknown>, sub: string, sources: readonly string[], value: T) => {
    const out: { phrase: Phrase; value: T }[] = [];
    sources.forEach((source, i) => {
      const phrases = parsePattern(source);
      if (typeof phrases === 'string') at(loc, `${sub}[${i}]`, `${phrases} (pattern "${source}")`);
      else for (const phrase of phrases) out.push({ phrase, value });
    });
    return out;
  };

  const prose: { phrase: Phrase; value: string }[] = [];
  const code: { phrase: Phrase; value: string }[] = [];
  const exceptions: { phrase: Phrase; value: ProseTarget }[] = [];
  for (const loc of lists.signals) {
    const s = loc.item;
    prose.push(...compilePhrases(loc, 'patterns', s.patterns, s.id));
    const cancel: ProseTarget = { except: s.id };
    exceptions.push(...compilePhrases(loc, 'except', s.except, cancel));
    code.push(...compilePhrases(loc, 'codePatterns', s.codePatterns, s.id));
    if (s.whenNegated) needSignal(loc, 'whenNegated', s.whenNegated);
    s.overrides.forEach((ref, i) => {
      needSignal(loc, `overrides[${i}]`, ref);
    });
    s.derivedFrom.forEach((c, i) => {
      for (const part of ['all', 'any', 'none'] as const) {
        for (const [j, ref] of c[part].entries()) needSignal(loc, `derivedFrom[${i}].${part}[${j}]`, ref);
      }
      if (c.all.length === 0 && c.any.length === 0) at(loc, `derivedFrom[${i}]`, 'a condition needs all or any');
    });
  }

  const proseByFirstWord = new Map<string, { phrase: Phrase; value: string }[]>();
  for (const p of prose) {
    for (const alt of p.phrase.slots[0]?.alternatives ?? []) {
      if (alt.prefix) continue;
      proseByFirstWord.set(alt.word, [...(proseByFirstWord.get(alt.word) ?? []), p]);
    }
  }
  const tools: { phrase: Phrase; value: ProseTarget }[] = [];
  const aliasOwner = new Map<string, Located<CatalogueEntryData>>();
  for (const loc of lists.toolRoles) {
    loc.item.signals.forEach((ref, i) => {
      needSignal(loc, `signals[${i}]`, ref);
    });
  }
  for (const loc of lists.catalogue) {
    const entry = loc.item;
    if (!roleIds.has(entry.role)) at(loc, 'role', `unknown tool role "${entry.role}"`);
    entry.signals.forEach((ref, i) => {
      needSignal(loc, `signals[${i}]`, ref);
    });
    const fromRole = lists.toolRoles.find((r) => r.item.id === entry.role)?.item.signals ?? [];
    entry.aliases.forEach((alias, i) => {
      const words = tokenize(alias).filter((t) => !t.isBreak);
      const key = words.map((w) => w.text).join(' ');
      if (words.length === 0 || words.length > MAX_ALIAS_WORDS) {
        at(loc, `aliases[${i}]`, `an alias has 1 to ${MAX_ALIAS_WORDS} words ("${alias}")`);
        return;
      }
      const owner = aliasOwner.get(key);
      if (owner && owner.item.id !== entry.id) {
        at(loc, `aliases[${i}]`, `alias "${alias}" is already used by ${owner.item.id} (${owner.file})`);
        return;
      }
      aliasOwner.set(key, loc);
      // a signal phrase that spells this very name ("kafka" → streaming) still holds, through the name
      const implied = new Set<string>(fromRole);
      const texts = words.map((w) => w.text);
      for (const p of proseByFirstWord.get(texts[0] as string) ?? []) {
        if (matchesWhole(p.phrase, texts)) implied.add(p.value);
      }
      const slots = words.map((w) => ({ alternatives: [{ word: w.text, prefix: false }], optional: false }));
      tools.push({ phrase: { source: alias, slots }, value: { tool: entry, implies: implied } });
    });
  }

  const units: { phrase: Phrase; value: UnitRef }[] = [];
  const notNear = new Map<string, PhraseMatcher<true>>();
  for (const loc of lists.measures) {
    loc.item.units.forEach((unit, i) => {
      units.push(
        ...compilePhrases(loc, `units[${i}].phrase`, [unit.phrase], {
          measure: loc.item.id,
          factor: unit.factor,
          implied: unit.implied,
        }),
      );
    });
    notNear.set(loc.item.id, new PhraseMatcher(compilePhrases(loc, 'notNear', loc.item.notNear, true as const)));
    loc.item.against.forEach((a, i) => {
      needSignal(loc, `against[${i}].signal`, a.signal);
      if (!lists.measures.some((m) => m.item.id === a.measure))
        at(loc, `against[${i}].measure`, `unknown measure "${a.measure}"`);
    });
    loc.item.levels.forEach((level, i) => {
      needSignal(loc, `levels[${i}].signal`, level.signal);
      if (level.gte === undefined && level.lt === undefined) at(loc, `levels[${i}]`, 'a level needs gte, lt or both');
    });
  }

  for (const loc of lists.criteria) {
    const c = loc.item;
    if (!outcomeIds.has(c.favours)) at(loc, 'favours', `unknown outcome "${c.favours}"`);
    for (const part of ['all', 'any', 'none'] as const) {
      for (const [i, ref] of c.when[part].entries()) needSignal(loc, `when.${part}[${i}]`, ref);
    }
    if (c.when.all.length === 0 && c.when.any.length === 0) {
      at(loc, 'when', 'a criterion needs at least one signal in all or any, or it would always fire');
    }
    c.suggests.forEach((ref, i) => {
      if (!suggestionIds.has(ref)) at(loc, `suggests[${i}]`, `unknown suggestion "${ref}"`);
    });
  }

  for (const loc of lists.outcomes) {
    loc.item.composite?.of.forEach((ref, i) => {
      if (!outcomeIds.has(ref)) at(loc, `composite.of[${i}]`, `unknown outcome "${ref}"`);
    });
  }
  for (const loc of lists.followUps) {
    loc.item.asksAbout.forEach((g, i) => {
      if (!groups.has(g)) at(loc, `asksAbout[${i}]`, `no signal has group "${g}"`);
    });
    loc.item.options.forEach((o, i) => {
      for (const [j, ref] of o.asserts.entries()) needSignal(loc, `options[${i}].asserts[${j}]`, ref);
    });
  }
  for (const loc of lists.frameworks) {
    if (!outcomeIds.has(loc.item.outcome)) at(loc, 'outcome', `unknown outcome "${loc.item.outcome}"`);
  }

  const language = singles.language;
  let compiledLanguage: KnowledgeBase['language'] | undefined;
  if (language) {
    const l = language.item;
    const numberPhrases = Object.entries(l.numberWords).flatMap(([words, n]) =>
      compilePhrases(language, `numberWords.${words}`, [words], n),
    );
    compiledLanguage = {
      negators: new PhraseMatcher(compilePhrases(language, 'negators', l.negators, true)),
      negationWindow: l.negationWindow,
      postNegations: new PhraseMatcher(compilePhrases(language, 'postNegations', l.postNegations, true)),
      postNegationWindow: l.postNegationWindow,
      uncertainty: new PhraseMatcher(compilePhrases(language, 'uncertainty', l.uncertainty, true)),
      hedges: new PhraseMatcher(compilePhrases(language, 'hedges', l.hedges, true)),
      notNegating: new PhraseMatcher(compilePhrases(language, 'notNegating', l.notNegating, true)),
      clauseBreaks: new Set(l.clauseBreaks.map((w) => w.toLowerCase())),
      numberWords: new PhraseMatcher(numberPhrases),
      magnitudes: new Map(Object.entries(l.magnitudes)),
      suffixMultipliers: new Map(Object.entries(l.suffixMultipliers)),
      unitStopWords: new Set(l.unitStopWords),
      impliedQuantity: l.impliedQuantity,
    };
  }

  let compiledMentions: KnowledgeBase['mentions'] | undefined;
  const mentions = singles.mentions;
  if (mentions) {
    const m = mentions.item;
    const statusIds = new Set(m.statuses.map((st) => st.id));
    for (const key of ['plain', 'negated', 'doubted'] as const) {
      if (!statusIds.has(m[key])) at(mentions, key, `unknown status "${m[key]}"`);
    }
    const before: { phrase: Phrase; value: string }[] = [];
    const after: { phrase: Phrase; value: string }[] = [];
    m.statuses.forEach((st, i) => {
      before.push(...compilePhrases(mentions, `statuses[${i}].before`, st.before, st.id));
      after.push(...compilePhrases(mentions, `statuses[${i}].after`, st.after, st.id));
    });
    compiledMentions = {
      window: m.window,
      plain: m.plain,
      negated: m.negated,
      doubted: m.doubted,
      statuses: new Map(m.statuses.map((st) => [st.id, st])),
      rank: new Map(m.statuses.map((st, i) => [st.id, i])),
      crossWith: new Set(m.crossWith),
      before: new PhraseMatcher(before),
      after: new PhraseMatcher(after),
    };
  }

  const conversation = singles.conversation;
  conversation?.item.freshGroups.forEach((g, i) => {
    if (!groups.has(g)) at(conversation, `freshGroups[${i}]`, `no signal has group "${g}"`);
  });
  conversation?.item.freshStatuses.forEach((st, i) => {
    if (!mentions?.item.statuses.some((x) => x.id === st))
      at(conversation, `freshStatuses[${i}]`, `unknown status "${st}"`);
  });

  const model = singles.model;
  if (model) {
    model.item.outcomes.forEach((o, i) => {
      if (!outcomeIds.has(o) && o !== singles.scoring?.item.abstain)
        at(model, `outcomes[${i}]`, `unknown outcome "${o}"`);
    });
  }

  const scoring = singles.scoring;
  if (scoring && !outcomeIds.has(scoring.item.abstain) && scoring.item.abstain !== 'unclear') {
    at(scoring, 'abstain', `unknown outcome "${scoring.item.abstain}"`);
  }

  if (issues.length > 0 || !compiledLanguage || !scoring || !compiledMentions || !conversation) {
    return { ok: false, issues };
  }
  // one target object per signal, so the matcher's per-value dedupe works by identity
  const signalTargets = new Map<string, ProseTarget>(prose.map((p) => [p.value, { signal: p.value }]));
  const proseTargets = prose.map((p) => ({ phrase: p.phrase, value: signalTargets.get(p.value) as ProseTarget }));

  const knowledge: KnowledgeBase = {
    language: compiledLanguage,
    signals: new Map(lists.signals.map((l) => [l.item.id, l.item])),
    prose: new PhraseMatcher([...tools, ...proseTargets, ...exceptions]),
    code: new PhraseMatcher(code),
    units: new PhraseMatcher(units),
    measures: new Map(lists.measures.map((l) => [l.item.id, l.item])),
    productMemoryMeasure: lists.measures.find((l) => l.item.fromProductMemory)?.item.id,
    notNear,
    criteria: lists.criteria.map((l) => l.item),
    outcomes: lists.outcomes.map((l) => l.item),
    scoring: scoring.item,
    suggestions: new Map(lists.suggestions.map((l) => [l.item.id, l.item])),
    followUps: [...lists.followUps.map((l) => l.item)].sort((a, b) => b.priority - a.priority),
    dimensions: lists.dimensions.map((l) => l.item),
    frameworks: lists.frameworks.map((l) => l.item) as FrameworkData[],
    catalogue: new Map(lists.catalogue.map((l) => [l.item.id, l.item])),
    toolRoles: new Map(lists.toolRoles.map((l) => [l.item.id, l.item])),
    mentions: compiledMentions,
    model: model ? compileModel(model.item) : undefined,
    conversation: {
      freshGroups: new Set(conversation.item.freshGroups),
      freshStatuses: new Set(conversation.item.freshStatuses),
      chatMemorySeconds: conversation.item.chatMemorySeconds,
    },
  };
  return { ok: true, knowledge: Object.freeze(knowledge) };
}
