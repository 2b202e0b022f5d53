import { parseDocument } from 'yaml';
import {
  type CompileResult,
  compileKnowledge,
  type KnowledgeBase,
  type KnowledgeIssue,
  type KnowledgeSource,
} from '../core/index.js';
import { type KnowledgeText, readKnowledgeFiles } from './read-knowledge-files.js';

/** Parses YAML texts and compiles them; YAML syntax errors are issues like any other. */
export function loadKnowledgeTexts(texts: readonly KnowledgeText[]): CompileResult {
  const sources: KnowledgeSource[] = [];
  const yamlIssues: KnowledgeIssue[] = [];
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
  const compiled = compileKnowledge(sources);
  if (yamlIssues.length === 0) return compiled;
  return { ok: false, issues: [...yamlIssues, ...(compiled.ok ? [] : compiled.issues)] };
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

/** The knowledge base shipped with the package, loaded and validated once. */
export function bundledKnowledge(): KnowledgeBase {
  if (!bundled) {
    const result = loadKnowledgeTexts(readKnowledgeFiles());
    if (!result.ok) throw new KnowledgeError(result.issues);
    bundled = result.knowledge;
  }
  return bundled;
}
