/**
 * The corpus of real questions: what the collectors wrote (eval/corpus/raw/*.yaml) and the
 * splits made from it once (eval/corpus/{train,dev,test}.yaml). An item keeps the split it was
 * given; new items are dealt out per verdict towards 60/20/20, in an order fixed by their source.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { VerdictSchema } from '../../src/index.js';

/** "- a point: with a colon" parses as a map in YAML; read it back as the sentence it was. */
const sentence = z.preprocess(
  (v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.entries(v)
          .map(([k, x]) => `${k}: ${String(x)}`)
          .join(' ')
      : v,
  z.string(),
);

export const CorpusItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  source: z.url(),
  question: z.string().min(20),
  verdict: VerdictSchema,
  points: z.array(sentence).min(1),
  rationale: z.string().min(5),
  label_confidence: z.enum(['high', 'medium']),
  paraphrases: z.array(sentence).default([]),
});
export type CorpusItem = z.infer<typeof CorpusItemSchema>;
export const CorpusFileSchema = z.object({ items: z.array(CorpusItemSchema) });

export const SPLITS = ['train', 'dev', 'test'] as const;
export type Split = (typeof SPLITS)[number];

export const corpusDir = new URL('../corpus/', import.meta.url);

/** github.com/o/r/pull/7 and …/issues/7 are one thread; scheme, www, query and case do not count. */
export function normaliseSource(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[#?].*$/, '')
    .replace(/\/+$/, '')
    .replace(/^(github\.com\/[^/]+\/[^/]+)\/pull\/(\d+).*$/, '$1/issues/$2');
}

export const SHARES: Readonly<Record<Split, number>> = { train: 0.6, dev: 0.2, test: 0.2 };

/** A stable pseudo-random order: a hash of the source, never of the text or the label. */
export function orderKey(source: string): string {
  return createHash('sha256')
    .update(`spark-or-pytorch split v1 ${normaliseSource(source)}`)
    .digest('hex');
}

export function readCorpusFile(path: string): CorpusItem[] {
  const parsed = CorpusFileSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (parsed.success) return parsed.data.items;
  const problems = parsed.error.issues.map((i) => `  ${path} ${i.path.join('.')}: ${i.message}`);
  throw new Error(`corpus file has ${problems.length} problem(s):\n${problems.join('\n')}`);
}

export function readRaw(): { file: string; items: CorpusItem[] }[] {
  const dir = new URL('raw/', corpusDir);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: f, items: readCorpusFile(join(dir.pathname, f)) }));
}

export function readSplit(split: Split): CorpusItem[] {
  return readCorpusFile(new URL(`${split}.yaml`, corpusDir).pathname);
}
