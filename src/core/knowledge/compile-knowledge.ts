import { z } from 'zod';
import { matchesWhole, type Phrase, parsePattern } from '../text/phrase.js';
import { tokenize } from '../text/tokenize.js';
import { buildKnowledge } from './build-knowledge.js';
import { type FrameworkData, FrameworkSchema } from './frameworks-schema.js';
import { type KnowledgeBase, roleSignal, type UnitRef } from './knowledge-base.js';
import { type KnowledgePlan, PLAN_FORMAT, type PlannedPhrase } from './knowledge-plan.js';
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
export type PlanResult =
  | { readonly ok: true; readonly plan: KnowledgePlan }
  | { readonly ok: false; readonly issues: readonly KnowledgeIssue[] };

const MAX_ALIAS_WORDS = 6;

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
  const planned = planKnowledge(sources);
  return planned.ok ? { ok: true, knowledge: buildKnowledge(planned.plan) } : planned;
}

/** The checking half of `compileKnowledge`: every problem at once, or the plan to build from. */
export function planKnowledge(sources: readonly KnowledgeSource[]): PlanResult {
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
    const out: PlannedPhrase<T>[] = [];
    sources.forEach((source, i) => {
      const phrases = parsePattern(source);
      if (typeof phrases === 'string') at(loc, `${sub}[${i}]`, `${phrases} (pattern "${source}")`);
      else for (const phrase of phrases) out.push({ phrase, value });
    });
    return out;
  };

  const phrasesOf = (loc: Located<unknown>, sub: string, sources: readonly string[]) =>
    compilePhrases(loc, sub, sources, true).map((p) => p.phrase);

  const prose: PlannedPhrase<string>[] = [];
  const code: PlannedPhrase<string>[] = [];
  const exceptions: PlannedPhrase<string>[] = [];
  for (const loc of lists.signals) {
    const s = loc.item;
    prose.push(...compilePhrases(loc, 'patterns', s.patterns, s.id));
    exceptions.push(...compilePhrases(loc, 'except', s.except, s.id));
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

  const proseByFirstWord = new Map<string, PlannedPhrase<string>[]>();
  for (const p of prose) {
    for (const alt of p.phrase.slots[0]?.alternatives ?? []) {
      if (alt.prefix) continue;
      const list = proseByFirstWord.get(alt.word);
      if (list) list.push(p);
      else proseByFirstWord.set(alt.word, [p]);
    }
  }
  const roleSignals = new Map(lists.toolRoles.map((l) => [l.item.id, l.item.signals]));
  const tools: PlannedPhrase<{ tool: string; implies: string[] }>[] = [];
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
    const fromRole = roleSignals.get(entry.role) ?? [];
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
      tools.push({ phrase: { source: alias, slots }, value: { tool: entry.id, implies: [...implied] } });
    });
  }

  const units: PlannedPhrase<UnitRef>[] = [];
  const notNear: [string, Phrase[]][] = [];
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
    notNear.push([loc.item.id, phrasesOf(loc, 'notNear', loc.item.notNear)]);
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
  let languagePhrases: Pick<
    KnowledgePlan['phrases'],
    'negators' | 'postNegations' | 'uncertainty' | 'hedges' | 'notNegating' | 'numberWords'
  > = { negators: [], postNegations: [], uncertainty: [], hedges: [], notNegating: [], numberWords: [] };
  if (language) {
    const l = language.item;
    languagePhrases = {
      negators: phrasesOf(language, 'negators', l.negators),
      postNegations: phrasesOf(language, 'postNegations', l.postNegations),
      uncertainty: phrasesOf(language, 'uncertainty', l.uncertainty),
      hedges: phrasesOf(language, 'hedges', l.hedges),
      notNegating: phrasesOf(language, 'notNegating', l.notNegating),
      numberWords: Object.entries(l.numberWords).flatMap(([words, n]) =>
        compilePhrases(language, `numberWords.${words}`, [words], n),
      ),
    };
  }

  const mentions = singles.mentions;
  const before: PlannedPhrase<string>[] = [];
  const after: PlannedPhrase<string>[] = [];
  if (mentions) {
    const m = mentions.item;
    const statusIds = new Set(m.statuses.map((st) => st.id));
    for (const key of ['plain', 'negated', 'doubted'] as const) {
      if (!statusIds.has(m[key])) at(mentions, key, `unknown status "${m[key]}"`);
    }
    m.statuses.forEach((st, i) => {
      before.push(...compilePhrases(mentions, `statuses[${i}].before`, st.before, st.id));
      after.push(...compilePhrases(mentions, `statuses[${i}].after`, st.after, st.id));
    });
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

  if (issues.length > 0 || !language || !scoring || !mentions || !conversation) return { ok: false, issues };
  const items = <K extends ListKey>(key: K) => lists[key].map((l) => l.item) as NonNullable<FileData[K]>;
  const plan: KnowledgePlan = {
    format: PLAN_FORMAT,
    signals: items('signals'),
    measures: items('measures'),
    criteria: items('criteria'),
    outcomes: items('outcomes'),
    suggestions: items('suggestions'),
    followUps: [...items('followUps')].sort((a, b) => b.priority - a.priority),
    dimensions: items('dimensions'),
    frameworks: items('frameworks') as FrameworkData[],
    catalogue: items('catalogue'),
    toolRoles: items('toolRoles'),
    language: language.item,
    scoring: scoring.item,
    mentions: mentions.item,
    conversation: conversation.item,
    model: model?.item,
    phrases: { prose, except: exceptions, code, tools, units, notNear, ...languagePhrases, before, after },
  };
  return { ok: true, plan };
}
