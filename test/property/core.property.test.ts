import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ask, bundledKnowledge, extractFacts, InputError, review, VerdictSchema } from '../../src/index.js';
import { renderRecommendationCard } from '../../src/render/adaptive-card.js';
import { renderRecommendationBlocks } from '../../src/render/block-kit.js';

const kb = bundledKnowledge();
const words = fc.constantFrom(
  '40',
  'TB',
  'GB',
  'no',
  "don't",
  'GPUs',
  'Spark',
  'PyTorch',
  'train',
  'fine-tune',
  'HDFS',
  'nightly',
  'joins',
  'ms',
  '~',
  '2B-row',
  'not',
  'only',
  ',',
  '.',
  'a few hundred',
  'billions of',
  '(',
  ')',
  '8x',
  'A100s',
);
const prose = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.array(words, { maxLength: 60 }).map((w) => w.join(' ')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('hostile input never escapes as a throw', () => {
  it('extractFacts: every evidence span slices the input exactly', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const facts = extractFacts(text, kb);
        for (const f of [...facts.facts, ...facts.negated]) {
          if (f.start !== undefined && f.end !== undefined) expect(text.slice(f.start, f.end)).toBe(f.evidence);
        }
        for (const m of facts.measurements) expect(Number.isFinite(m.value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('ask: a verdict in the enum and a confidence in [0, 1], or a documented InputError', () => {
    fc.assert(
      fc.property(prose, (text) => {
        try {
          const r = ask(text);
          expect(VerdictSchema.options).toContain(r.verdict);
          expect(r.confidence).toBeGreaterThanOrEqual(0);
          expect(r.confidence).toBeLessThanOrEqual(1);
          expect(r.followUps.length).toBeLessThanOrEqual(3);
          renderRecommendationBlocks(r, 'id');
          renderRecommendationCard(r, 'id');
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ask handles 200 KB of random text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 200_000, maxLength: 200_000 }), (text) => {
        try {
          ask(text);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 3 },
    );
  });

  it('review: arbitrary diffs, broken notebooks and manifests never throw', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(
        '+    "import torch\\n",',
        '+{"cells": [',
        '+[[[[[[',
        '+torch==',
        '+pyspark[',
        '+  - pytorch::',
        '+<artifactId>spark-core_2.12',
        '@@ -x +y @@',
        '+RUN pip install',
      ),
    );
    const file = fc.record({
      path: fc.constantFrom(
        'requirements.txt',
        'nb.ipynb',
        'pyproject.toml',
        'Dockerfile',
        'pom.xml',
        'environment.yml',
        'a b"c.py',
        'build.sbt',
      ),
      lines: fc.array(line, { maxLength: 20 }),
    });
    fc.assert(
      fc.property(fc.array(file, { maxLength: 6 }), (files) => {
        const diff = files
          .map(
            (f) =>
              `diff --git a/${f.path} b/${f.path}\n--- a/${f.path}\n+++ b/${f.path}\n@@ -1 +1,${f.lines.length} @@\n${f.lines.join('\n')}`,
          )
          .join('\n');
        try {
          const result = review(diff);
          expect(result.markdown.length).toBeLessThanOrEqual(65_536);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 200 },
    );
  });
});
