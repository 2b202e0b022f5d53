import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Reads every *.yaml / *.yml file under the folder, sorted by name. */
export function readKnowledgeFiles(dir: string = defaultKnowledgeDir()): KnowledgeText[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ file: `knowledge/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}
