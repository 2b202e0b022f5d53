/**
 * The corpus of real questions: what the collectors wrote (eval/corpus/raw/*.yaml) and the
 * splits made from it once (eval/corpus/{train,dev,test}.yaml). The split of an item is a
 * function of its source URL alone, so adding items never moves one between splits.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { VerdictSchema } from '../../src/index.js';

export const CorpusItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  source: z.url(),
  question: z.string().min(20),
  verdict: VerdictSchema,
  points: z.array(z.string()).min(1),
  rationale: z.string().min(5),
  label_confidence: z.enum(['high', 'medium']),
  paraphrases: z.array(z.string()).default([]),
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

/** 60 % train, 20 % dev, 20 % test, by a hash of the source: stable whatever is added later. */
export function splitOf(source: string): Split {
  const h = createHash('sha256').update(`spark-or-pytorch split v1 ${normaliseSource(source)}`).digest();
  const bucket = (h.readUInt32BE(0) % 1000) / 1000;
  return bucket < 0.6 ? 'train' : bucket < 0.8 ? 'dev' : 'test';
}

export function readCorpusFile(path: string): CorpusItem[] {
  return CorpusFileSchema.parse(parse(readFileSync(path, 'utf8'))).items;
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
