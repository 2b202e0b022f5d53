import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { CompileResult, KnowledgeBase, KnowledgeIssue, KnowledgeSource } from '../core/index.js';
import { buildKnowledge } from '../core/knowledge/build-knowledge.js';
import { type PlanResult, planKnowledge } from '../core/knowledge/compile-knowledge.js';
import { PLAN_FORMAT } from '../core/knowledge/knowledge-plan.js';
import { type KnowledgeText, readKnowledgeFiles } from './read-knowledge-files.js';
import { fingerprintOf, readSnapshot, SNAPSHOT_TRUSTED } from './snapshot.js';

// The YAML parser is loaded only when YAML is parsed: a process that answers from the snapshot never needs it.
let yaml: typeof Yaml | undefined;
const loadYaml = () => {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yaml;
};

/** Parses YAML texts into sources; YAML syntax errors are issues like any other. */
function parseTexts(texts: readonly KnowledgeText[]) {
  const sources: KnowledgeSource[] = [];
  const yamlIssues: KnowledgeIssue[] = [];
  const { parseDocument } = loadYaml();
  for (const { file, text } of texts) {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const line = e.linePos?.[0];
        yamlIssues.push({
          file,
          path: line ? `line ${line.line}` : '',
          message: e.message.split('\n')[0] ?? e.message,
        });
      }
      continue;
    }
    sources.push({ file, data: doc.toJS() });
  }
  return { sources, yamlIssues };
}

/** Parses and checks YAML texts: the plan the build writes as the snapshot, or every problem. */
export function planKnowledgeTexts(texts: readonly KnowledgeText[]): PlanResult {
  const { sources, yamlIssues } = parseTexts(texts);
  const planned = planKnowledge(sources);
  if (yamlIssues.length === 0) return planned;
  return { ok: false, issues: [...yamlIssues, ...(planned.ok ? [] : planned.issues)] };
}

/** Parses YAML texts and compiles them into the knowledge base. */
export function loadKnowledgeTexts(texts: readonly KnowledgeText[]): CompileResult {
  const planned = planKnowledgeTexts(texts);
  return planned.ok ? { ok: true, knowledge: buildKnowledge(planned.plan) } : planned;
}

export class KnowledgeError extends Error {
  constructor(readonly issues: readonly KnowledgeIssue[]) {
    super(`knowledge base has ${issues.length} problem(s):\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

export function formatIssue(issue: KnowledgeIssue): string {
  return `${issue.file}${issue.path ? ` ${issue.path}` : ''}: ${issue.message}`;
}

let bundled: KnowledgeBase | undefined;

/**
 * The knowledge base shipped with the package, loaded once: from the build's snapshot when it was
 * made from exactly these YAML files, otherwise by parsing and checking the YAML itself.
 */
export function bundledKnowledge(): KnowledgeBase {
  if (!bundled) {
    const snapshot = readSnapshot();
    const texts = SNAPSHOT_TRUSTED && snapshot ? [] : readKnowledgeFiles();
    if (snapshot?.plan.format === PLAN_FORMAT && (SNAPSHOT_TRUSTED || snapshot.fingerprint === fingerprintOf(texts))) {
      bundled = buildKnowledge(snapshot.plan);
    } else {
      const result = loadKnowledgeTexts(texts);
      if (!result.ok) throw new KnowledgeError(result.issues);
      bundled = result.knowledge;
    }
  }
  return bundled;
}
