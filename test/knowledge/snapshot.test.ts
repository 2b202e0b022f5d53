import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSplit } from '../../eval/lib/corpus.js';
import { buildKnowledge } from '../../src/core/knowledge/build-knowledge.js';
import type { KnowledgePlan } from '../../src/core/knowledge/knowledge-plan.js';
import { ask, loadKnowledgeTexts } from '../../src/index.js';
import { planKnowledgeTexts } from '../../src/knowledge/load-knowledge.js';
import { readKnowledgeFiles } from '../../src/knowledge/read-knowledge-files.js';
import { fingerprintOf, type KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const builtSnapshot = join(root, 'dist/snapshot/knowledge.json');

describe('the knowledge snapshot the build writes', () => {
  it('was made from exactly the YAML in knowledge/ (npm test builds first)', () => {
    const snapshot = JSON.parse(readFileSync(builtSnapshot, 'utf8')) as KnowledgeSnapshot;
    expect(snapshot.fingerprint).toBe(fingerprintOf(readKnowledgeFiles()));
  });

  it('gives the same answers as the YAML it came from, on every train question and paraphrase', () => {
    const texts = readKnowledgeFiles();
    const planned = planKnowledgeTexts(texts);
    const compiled = loadKnowledgeTexts(texts);
    if (!planned.ok || !compiled.ok) throw new Error('the shipped knowledge does not load');
    // what the library reads: the plan after a trip through JSON
    const fromSnapshot = buildKnowledge(JSON.parse(JSON.stringify(planned.plan)) as KnowledgePlan);
    const questions = readSplit('train').flatMap((item) => [item.question, ...item.paraphrases]);
    expect(questions.length).toBeGreaterThan(300);
    let differing = 0;
    for (const q of questions) {
      const a = JSON.stringify(ask(q, { knowledge: compiled.knowledge }));
      const b = JSON.stringify(ask(q, { knowledge: fromSnapshot }));
      if (a !== b) differing++;
    }
    expect(differing).toBe(0);
  });
});

describe('a package on disk', () => {
  // a copy of the built package: its dist/, its knowledge/ and the dependencies
  const dir = mkdtempSync(join(tmpdir(), 'sop-snapshot-'));
  cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(root, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const headline = () =>
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const { ask } = await import('./dist/src/index.js'); process.stdout.write(ask('We run nightly Hive joins over 40 TB in HDFS').headline)",
      ],
      { cwd: dir, encoding: 'utf8' },
    );

  it('answers from the snapshot when it matches the YAML', () => {
    const snapshot = JSON.parse(readFileSync(join(dir, 'dist/snapshot/knowledge.json'), 'utf8')) as KnowledgeSnapshot;
    const outcomes = snapshot.plan.outcomes.map((o) =>
      o.id === 'spark' ? { ...o, headline: 'Spark (from the snapshot)' } : o,
    );
    writeFileSync(
      join(dir, 'dist/snapshot/knowledge.json'),
      JSON.stringify({ ...snapshot, plan: { ...snapshot.plan, outcomes } }),
    );
    expect(headline()).toContain('Spark (from the snapshot)');
  });

  it('parses the YAML instead when the YAML was edited after the build', () => {
    const file = join(dir, 'knowledge/outcomes.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('headline: Spark\n', 'headline: Spark (edited YAML)\n'));
    expect(headline()).toContain('Spark (edited YAML)');
  });
});
