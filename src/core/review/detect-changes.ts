import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { DiffFile } from './parse-diff.js';
import { type Declaration, type FileKind, fileKind, normaliseName, readDeclarations } from './read-declarations.js';
import type { Change } from './types.js';

type Match = { framework: string; package: string; via: Change['via'] };
type Site = { file: string; line: number; version: string; ecosystem: string; evidence: string };

/** Which package table an ecosystem reads: pip-style names, conda names, or JVM artifacts. */
function tablesFor(ecosystem: Declaration['ecosystem']): string[] {
  // conda files, and install commands in Dockerfiles and notebooks, may name conda packages
  if (ecosystem === 'conda' || ecosystem === 'docker' || ecosystem === 'notebook') return ['conda', 'pip'];
  if (ecosystem === 'maven' || ecosystem === 'gradle' || ecosystem === 'sbt') return ['jvm'];
  return ['pip'];
}

/** The framework a declaration brings in, directly or through another package; look-alikes are not. */
export function matchDeclaration(kb: KnowledgeBase, d: Declaration): Match | undefined {
  const name = d.kind === 'import' ? d.name : normaliseName(d.name);
  for (const f of kb.frameworks) {
    if (d.kind === 'import') {
      if (f.imports.includes(name)) return { framework: f.id, package: name, via: 'direct' };
      continue;
    }
    if (f.lookalikes.map(normaliseName).includes(name)) return undefined;
    for (const table of tablesFor(d.ecosystem)) {
      if ((f.packages[table] ?? []).map(normaliseName).includes(name))
        return { framework: f.id, package: name, via: 'direct' };
      if ((f.transitive[table] ?? []).map(normaliseName).includes(name)) {
        return { framework: f.id, package: name, via: 'transitive' };
      }
    }
  }
  return undefined;
}

function sitesOf(kb: KnowledgeBase, file: DiffFile, kind: FileKind, side: 'added' | 'removed') {
  const out: { match: Match; site: Site; kind: Declaration['kind'] }[] = [];
  const path = side === 'removed' ? file.oldPath : file.path;
  for (const { line, text } of file[side]) {
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

/** Frameworks a repository already uses, from the base contents of its files (path → text). */
export function frameworksInFiles(kb: KnowledgeBase, files: Readonly<Record<string, string>>): Set<string> {
  const used = new Set<string>();
  for (const [path, text] of Object.entries(files)) {
    const kind = fileKind(path);
    if (kind === 'ignored') continue;
    for (const line of text.split(/\r?\n/)) {
      for (const d of readDeclarations(kind, line)) {
        const match = matchDeclaration(kb, d);
        if (match?.via === 'direct') used.add(match.framework);
      }
    }
  }
  return used;
}

/**
 * Added, removed and bumped frameworks across every manifest, Dockerfile, notebook and import in
 * the diff. A version change is a bump; the same declaration moved between files is no change; an
 * import is reported only when no manifest in the diff declares that framework.
 */
export function detectChanges(
  kb: KnowledgeBase,
  files: readonly DiffFile[],
  alreadyUsed: ReadonlySet<string> = new Set(),
): Change[] {
  type Entry = { match: Match; added: Site[]; removed: Site[]; imports: Site[] };
  const entries = new Map<string, Entry>();
  const entry = (m: Match) => {
    const key = `${m.framework}\u0000${m.package}\u0000${m.via}`;
    const found = entries.get(key) ?? { match: m, added: [], removed: [], imports: [] };
    entries.set(key, found);
    return found;
  };
  for (const file of files) {
    if (file.binary) continue;
    for (const side of ['added', 'removed'] as const) {
      const kind = fileKind(side === 'removed' ? file.oldPath : file.path);
      if (kind === 'ignored') continue;
      for (const { match, site, kind: declKind } of sitesOf(kb, file, kind, side)) {
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
  const base = (m: Match, s: Site, change: Change['change']): Change => ({
    framework: m.framework,
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
    for (const site of added) {
      if (!alreadyUsed.has(match.framework)) changes.push(base(match, site, 'added'));
    }
    for (const site of removed) changes.push(base(match, site, 'removed'));
    if (
      added.length === 0 &&
      removed.length === 0 &&
      !declared.has(match.framework) &&
      !alreadyUsed.has(match.framework)
    ) {
      const first = imports[0];
      if (first) changes.push(base(match, first, 'added'));
    }
  }
  return changes.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
