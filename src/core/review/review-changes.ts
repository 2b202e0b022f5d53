import { extractFacts } from '../facts/extract-facts.js';
import { answersToFacts, EMPTY_FACTS, mergeFacts } from '../facts/merge-facts.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { recommend } from '../recommend/recommend.js';
import type { Facts } from '../types.js';
import type { RepoConfig } from './config.js';
import { detectWithInventory, type Inventory, inventoryOf, inventoryOfContext } from './detect-changes.js';
import type { DiffFile } from './parse-diff.js';
import { fileKind, notebookSources } from './read-declarations.js';
import type { Assessment, Change, Review } from './types.js';

export const CODE_FILE = /\.(py|pyi|ipynb|scala|java|kt|sql|r)$/i;
/** Bound the code read for usage facts: a huge PR still reviews in bounded time. */
const MAX_CODE_CHARS = 400_000;

export type ReviewInput = {
  readonly files: readonly DiffFile[];
  readonly config: RepoConfig;
  /** base contents of files (path → text): a framework already used there is not "added" */
  readonly baseFiles?: Readonly<Record<string, string>>;
  /** what the base already declares, when known another way (the Action's inventory) */
  readonly inventory?: Inventory;
  readonly prTitle?: string;
  readonly prBody?: string;
};

/**
 * The added code, one entry per distinct line (the first place it appears), notebook cells
 * decoded. Thousands of near-identical generated lines are read once.
 */
function addedCode(files: readonly DiffFile[]) {
  const lines: { file: string; line: number; text: string }[] = [];
  const seen = new Set<string>();
  let size = 0;
  for (const file of files) {
    if (file.binary || !CODE_FILE.test(file.path)) continue;
    const notebook = fileKind(file.path) === 'notebook';
    for (const { line, text } of file.added) {
      for (const code of notebook ? notebookSources(text) : [text]) {
        const trimmed = code.trim();
        if (trimmed === '' || seen.has(trimmed)) continue;
        seen.add(trimmed);
        size += trimmed.length;
        if (size > MAX_CODE_CHARS) return lines;
        lines.push({ file: file.path, line, text: code.replace(/\n$/, '') });
      }
    }
  }
  return lines;
}

/** Facts from the added code, the PR's own words and the repository configuration. */
function usageFacts(kb: KnowledgeBase, input: ReviewInput, code: ReturnType<typeof addedCode>): Facts {
  let facts = EMPTY_FACTS;
  const prose = [input.prTitle ?? '', input.prBody ?? ''].join('\n').slice(0, 20_000);
  if (prose.trim()) facts = mergeFacts(facts, extractFacts(prose, kb, { origin: 'text' }), kb);
  if (input.config.context) facts = mergeFacts(facts, extractFacts(input.config.context, kb, { origin: 'config' }), kb);
  const answered = answersToFacts(input.config.answers, kb).facts;
  facts = mergeFacts(
    facts,
    { ...answered, facts: answered.facts.map((f) => ({ ...f, origin: 'config' as const })) },
    kb,
  );
  const codeFacts = extractFacts(code.map((c) => c.text).join('\n'), kb, { mode: 'code', origin: 'code' });
  return mergeFacts(facts, { ...codeFacts, measurements: [] }, kb);
}

/** Which added lines show a given piece of code evidence. */
function linesFor(evidence: string, code: ReturnType<typeof addedCode>) {
  const quotes = evidence.match(/“([^”]+)”/g)?.map((q) => q.slice(1, -1)) ?? [];
  return code.filter((c) => quotes.some((q) => c.text.includes(q))).slice(0, 5);
}

/**
 * Where a line of a new notebook's JSON sits in the notebook: which cell, which line of its source.
 * Jupyter writes one source line per JSON line inside `"source": [`; other layouts give nothing.
 */
export function notebookCellOf(lines: readonly { text: string }[], jsonLine: number, firstLine: number) {
  let cell = 0;
  let inSource = false;
  let lineInCell = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as { text: string }).text;
    if (/"cell_type"\s*:/.test(text)) {
      if ((text.match(/"cell_type"\s*:/g) ?? []).length > 1) return undefined; // minified
      cell++;
    }
    if (inSource) {
      if (/^\s*\]/.test(text)) inSource = false;
      else {
        lineInCell++;
        if (firstLine + i === jsonLine) return { index: cell, line: lineInCell };
      }
    } else if (/"source"\s*:\s*\[\s*$/.test(text)) {
      inSource = true;
      lineInCell = 0;
    }
  }
  return undefined;
}

/** Notebook changes in new notebooks, placed by cell and line instead of a line of JSON. */
function withCells(changes: Change[], files: readonly DiffFile[]): Change[] {
  return changes.map((c) => {
    if (c.ecosystem !== 'notebook') return c;
    const file = files.find((f) => f.path === c.file && f.status === 'added');
    const first = file?.added[0];
    if (!file || !first) return c;
    const cell = notebookCellOf(file.added, c.line, first.line);
    return cell ? { ...c, cell } : c;
  });
}

/**
 * The review of a pull request: which frameworks it adds, removes or bumps, what its code does
 * with them, and — per added framework — whether that fits, judged by the same criteria as `ask`.
 */
export function reviewChanges(kb: KnowledgeBase, input: ReviewInput): Omit<Review, 'markdown' | 'skipped' | 'notes'> {
  // what the base already has: the inventory passed in, the base files, and the diff's unchanged lines
  const inventory = new Map(inventoryOfContext(kb, input.files));
  for (const known of [input.inventory, input.baseFiles ? inventoryOf(kb, input.baseFiles) : undefined])
    for (const [key, value] of known ?? []) inventory.set(key, value);
  const detected = detectWithInventory(kb, input.files, inventory);
  const changes = withCells(detected.changes, input.files);
  const { firstUses } = detected;
  const unique = (xs: string[]) => [...new Set(xs)];
  const frameworksAdded = unique(
    changes.filter((c) => c.change === 'added' && c.via === 'direct').map((c) => c.framework),
  );
  const frameworksRemoved = unique(
    changes.filter((c) => c.change === 'removed' && c.via === 'direct').map((c) => c.framework),
  ).filter((f) => !frameworksAdded.includes(f));

  const code = addedCode(input.files);
  const facts = usageFacts(kb, input, code);
  const recommendation = recommend(kb, facts);
  const composite = kb.outcomes.find((o) => o.id === recommendation.verdict)?.composite?.of ?? [];

  const assessments: Assessment[] = frameworksAdded.map((id) => {
    const framework = kb.frameworks.find((f) => f.id === id);
    const outcome = framework?.outcome ?? id;
    const fit: Assessment['fit'] =
      recommendation.verdict === 'unclear'
        ? 'unclear'
        : recommendation.verdict === outcome || composite.includes(outcome)
          ? 'fits'
          : 'consider-alternative';
    const policy = input.config.policy.approved.includes(id)
      ? 'approved'
      : input.config.policy.justify.includes(id)
        ? 'justify'
        : 'none';
    return {
      framework: id,
      name: framework?.name ?? id,
      fit,
      verdict: recommendation.verdict,
      confidence: recommendation.confidence,
      summary: recommendation.summary,
      reasons: recommendation.reasons,
      lines: [
        ...new Map(
          recommendation.reasons.flatMap((r) => linesFor(r.evidence, code)).map((l) => [`${l.file}:${l.line}`, l]),
        ).values(),
      ].slice(0, 8),
      alternatives: recommendation.alternatives,
      bridges: recommendation.bridges,
      followUps: recommendation.followUps,
      policy,
    };
  });
  const already = [...inventory.values()].map((k) => ({
    framework: k.framework,
    family: k.family,
    file: k.file,
    line: k.line,
  }));
  return { changes, frameworksAdded, frameworksRemoved, assessments, facts, firstUses, alreadyDeclared: already };
}
