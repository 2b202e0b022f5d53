import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { DiffFile, DiffLine } from './parse-diff.js';
import { type Declaration, type FileKind, fileKind, normaliseName, readDeclarations } from './read-declarations.js';
import type { Change } from './types.js';

/** Which side of a framework a declaration brings: PySpark vs Spark on the JVM, PyTorch vs libtorch/DJL. */
export type Family = 'python' | 'jvm';
type Match = { framework: string; package: string; via: Change['via']; family: Family };

/** The key of "already there": a framework in one family. */
export const familyKey = (framework: string, family: Family) => `${framework}:${family}`;
type Site = { file: string; line: number; version: string; ecosystem: string; evidence: string };

/** Which package table an ecosystem reads: pip-style names, conda names, or JVM artifacts. */
function tablesFor(ecosystem: Declaration['ecosystem']): string[] {
  // conda files, and install commands in Dockerfiles and notebooks, may name conda packages
  if (ecosystem === 'docker') return ['conda', 'pip', 'jvm'];
  if (ecosystem === 'conda' || ecosystem === 'notebook') return ['conda', 'pip'];
  if (ecosystem === 'maven' || ecosystem === 'gradle' || ecosystem === 'sbt') return ['jvm'];
  return ['pip'];
}

/** Package names per framework, normalised once per knowledge base. */
type Tables = {
  id: string;
  lookalikes: Set<string>;
  direct: Map<string, Set<string>>;
  transitive: Map<string, Set<string>>;
};
const tablesCache = new WeakMap<KnowledgeBase, Tables[]>();
function tablesOf(kb: KnowledgeBase): Tables[] {
  let found = tablesCache.get(kb);
  if (!found) {
    const norm = (t: Readonly<Record<string, readonly string[] | undefined>>) =>
      new Map(Object.entries(t).map(([k, v]) => [k, new Set((v ?? []).map(normaliseName))]));
    found = kb.frameworks.map((f) => ({
      id: f.id,
      lookalikes: new Set(f.lookalikes.map(normaliseName)),
      direct: norm(f.packages),
      transitive: norm(f.transitive),
    }));
    tablesCache.set(kb, found);
  }
  return found;
}

/** The framework a declaration brings in, directly or through another package; look-alikes are not. */
export function matchDeclaration(kb: KnowledgeBase, d: Declaration): Match | undefined {
  if (d.kind === 'import') {
    const f = kb.frameworks.find((x) => x.imports.includes(d.name));
    return f ? { framework: f.id, package: d.name, via: 'direct', family: 'python' } : undefined;
  }
  const name = normaliseName(d.name);
  for (const f of tablesOf(kb)) {
    if (f.lookalikes.has(name)) return undefined;
    for (const table of tablesFor(d.ecosystem)) {
      const family: Family = table === 'jvm' ? 'jvm' : 'python';
      if (f.direct.get(table)?.has(name)) return { framework: f.id, package: name, via: 'direct', family };
      if (f.transitive.get(table)?.has(name)) return { framework: f.id, package: name, via: 'transitive', family };
    }
  }
  return undefined;
}

type Found = { match: Match; site: Site; kind: Declaration['kind'] };

function sitesOf(kb: KnowledgeBase, path: string, lines: readonly DiffLine[], kind: FileKind): Found[] {
  const out: Found[] = [];
  for (const { line, text } of lines) {
    for (const d of readDeclarations(kind, text)) {
      const match = matchDeclaration(kb, d);
      if (!match) continue;
      const evidence = text.trim().slice(0, 200);
      out.push({
        match,
        kind: d.kind,
        site: { file: path, line, version: d.version, ecosystem: d.ecosystem, evidence },
      });
    }
  }
  return out;
}

/** A Dockerfile instruction continued with `\` is read as one line (at the line it starts on). */
function joinContinuations(lines: { line: number; text: string }[]) {
  for (let i = lines.length - 2; i >= 0; i--) {
    const current = lines[i] as { text: string };
    if (current.text.endsWith('\\')) {
      current.text = `${current.text.slice(0, -1)} ${(lines[i + 1] as { text: string }).text}`;
      (lines[i + 1] as { text: string }).text = '';
    }
  }
}

/** Where a framework (in one family) is already declared or used. */
export type Known = {
  readonly framework: string;
  readonly family: Family;
  readonly file: string;
  readonly line: number;
};
/** What the repository already has before the pull request: family key → where it was seen first. */
export type Inventory = ReadonlyMap<string, Known>;

/** The inventory of a repository from the base contents of its files (path → text): manifests and imports. */
export function inventoryOf(kb: KnowledgeBase, files: Readonly<Record<string, string>>): Map<string, Known> {
  const out = new Map<string, Known>();
  for (const [path, text] of Object.entries(files)) {
    const kind = fileKind(path);
    if (kind === 'ignored') continue;
    const lines = text.split('\n').map((t, i) => ({ line: i + 1, text: t.endsWith('\r') ? t.slice(0, -1) : t }));
    if (kind === 'docker') joinContinuations(lines);
    for (const { match, site } of sitesOf(kb, path, lines, kind)) {
      const key = familyKey(match.framework, match.family);
      if (!out.has(key))
        out.set(key, { framework: match.framework, family: match.family, file: path, line: site.line });
    }
  }
  return out;
}

/** Frameworks a repository already uses, from the base contents of its files (path → text). */
export function frameworksInFiles(kb: KnowledgeBase, files: Readonly<Record<string, string>>): Set<string> {
  return new Set([...inventoryOf(kb, files).values()].map((k) => k.framework));
}

/**
 * What the diff itself shows of the base, for free: unchanged lines around the changes, and code
 * lines it removes (an import removed here existed at the base, so the framework was in use).
 */
export function inventoryOfContext(kb: KnowledgeBase, files: readonly DiffFile[]): Map<string, Known> {
  const out = new Map<string, Known>();
  for (const file of files) {
    if (file.binary) continue;
    const kind = fileKind(file.oldPath);
    if (kind === 'ignored' || kind === 'notebook') continue;
    const lines = kind === 'import' ? [...file.context, ...file.removed] : file.context;
    if (lines.length === 0) continue;
    for (const { match, site } of sitesOf(kb, file.oldPath, lines, kind)) {
      const key = familyKey(match.framework, match.family);
      if (!out.has(key))
        out.set(key, { framework: match.framework, family: match.family, file: file.oldPath, line: site.line });
    }
  }
  return out;
}

/** A framework the base already declares that the pull request's new code imports for the first time here. */
export type FirstUse = {
  readonly framework: string;
  readonly file: string;
  readonly line: number;
  readonly evidence: string;
  readonly declaredIn: string;
};

/**
 * Added, removed and bumped frameworks across every manifest, Dockerfile, notebook and import in
 * the diff. A version change is a bump; the same declaration moved between files is no change; an
 * import is reported only when no manifest in the diff declares that framework. A framework the
 * inventory already has in the same family (PySpark vs JVM Spark) is not added; an import of one
 * is a first use.
 */
export function detectChanges(
  kb: KnowledgeBase,
  files: readonly DiffFile[],
  inventory: Inventory | ReadonlySet<string> = new Map(),
): Change[] {
  return detectWithInventory(kb, files, inventory).changes;
}

export function detectWithInventory(
  kb: KnowledgeBase,
  files: readonly DiffFile[],
  inventory: Inventory | ReadonlySet<string> = new Map(),
): { changes: Change[]; firstUses: FirstUse[] } {
  const known = (m: Match): Known | undefined => {
    if (inventory instanceof Map) return inventory.get(familyKey(m.framework, m.family));
    // a plain set of framework ids (older callers): any family counts
    return (inventory as ReadonlySet<string>).has(m.framework)
      ? { framework: m.framework, family: m.family, file: '', line: 0 }
      : undefined;
  };
  const anyFamily = (framework: string): Known | undefined =>
    inventory instanceof Map ? [...inventory.values()].find((k) => k.framework === framework) : undefined;
  type Entry = { match: Match; added: Site[]; removed: Site[]; imports: Site[] };
  const entries = new Map<string, Entry>();
  const entry = (m: Match) => {
    const key = `${m.framework}\u0000${m.package}\u0000${m.via}\u0000${m.family}`;
    const found = entries.get(key) ?? { match: m, added: [], removed: [], imports: [] };
    entries.set(key, found);
    return found;
  };
  for (const file of files) {
    if (file.binary) continue;
    for (const side of ['added', 'removed'] as const) {
      const path = side === 'removed' ? file.oldPath : file.path;
      const kind = fileKind(path);
      if (kind === 'ignored' || file[side].length === 0) continue;
      for (const { match, site, kind: declKind } of sitesOf(kb, path, file[side], kind)) {
        const e = entry(match);
        if (declKind === 'import') {
          if (side === 'added') e.imports.push(site);
        } else e[side].push(site);
      }
    }
  }

  const declared = new Set(
    [...entries.values()].filter((e) => e.added.length + e.removed.length > 0).map((e) => e.match.framework),
  );
  const changes: Change[] = [];
  const firstUses: FirstUse[] = [];
  const base = (m: Match, s: Site, change: Change['change']): Change => ({
    framework: m.framework,
    family: m.family,
    change,
    via: m.via,
    ecosystem: s.ecosystem,
    file: s.file,
    line: s.line,
    evidence: s.evidence,
    package: m.package,
  });
  for (const { match, added, removed, imports } of entries.values()) {
    if (added.length > 0 && removed.length > 0) {
      const before = removed.find((r) => r.version !== '')?.version ?? '';
      for (const site of added) {
        if (site.version !== before && (site.version !== '' || before !== '')) {
          changes.push({ ...base(match, site, 'bumped'), from: before, to: site.version });
        }
      }
      continue; // same declaration moved between files, or re-declared: no change
    }
    const there = known(match);
    for (const site of added) {
      if (!there) changes.push(base(match, site, 'added'));
    }
    for (const site of removed) changes.push(base(match, site, 'removed'));
    const first = imports[0];
    if (first && added.length === 0 && removed.length === 0 && !declared.has(match.framework)) {
      // an import needs no manifest of its own when the base has the framework in any form
      // (Spark on the JVM ships PySpark with it), so it is a first use, not an addition
      const present = there ?? anyFamily(match.framework);
      if (!present) changes.push(base(match, first, 'added'));
      else if (present.file !== '')
        firstUses.push({
          framework: match.framework,
          file: first.file,
          line: first.line,
          evidence: first.evidence,
          declaredIn: present.file,
        });
    }
  }
  return {
    changes: changes.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
    firstUses: firstUses.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
  };
}
