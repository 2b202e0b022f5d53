import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The knowledge/ folder shipped with the package (two levels up from src/knowledge or dist/src/knowledge). */
export function defaultKnowledgeDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [join(here, '..', '..', 'knowledge'), join(here, '..', '..', '..', 'knowledge')];
  for (const dir of candidates) {
    try {
      readdirSync(dir);
      return dir;
    } catch {
      // try the next layout
    }
  }
  return candidates[0] as string;
}

export type KnowledgeText = { readonly file: string; readonly text: string };

/** Reads every *.yaml / *.yml file under the folder and its subfolders, sorted by path. */
export function readKnowledgeFiles(dir: string = defaultKnowledgeDir()): KnowledgeText[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => name.split(sep).join('/'))
    .sort()
    .map((name) => ({ file: `knowledge/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}
