import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, loadKnowledgeTexts } from '../../src/index.js';
import { readKnowledgeFiles } from '../../src/knowledge/read-knowledge-files.js';

describe('the shipped knowledge base', () => {
  it('loads with zero issues', () => {
    const result = loadKnowledgeTexts(readKnowledgeFiles());
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
  });

  it('covers every section of the source article as comparison dimensions', () => {
    const result = loadKnowledgeTexts(readKnowledgeFiles());
    if (!result.ok) throw new Error('knowledge did not load');
    const ids = result.knowledge.dimensions.map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining(['architecture', 'execution', 'performance', 'ecosystem', 'productionisation', 'hybrid']),
    );
  });

  it('cites every criterion and suggestion by URL', () => {
    const result = loadKnowledgeTexts(readKnowledgeFiles());
    if (!result.ok) throw new Error('knowledge did not load');
    for (const c of result.knowledge.criteria) expect(c.sources.length, c.id).toBeGreaterThan(0);
    for (const s of result.knowledge.suggestions.values()) expect(s.sources.length, s.id).toBeGreaterThan(0);
  });
});

describe('broken knowledge reports every problem at once, with file and path', () => {
  const dir = new URL('../fixtures/knowledge-broken/', import.meta.url);
  const texts = [
    ...readKnowledgeFiles(),
    ...readdirSync(dir).map((name) => ({ file: `fixtures/${name}`, text: readFileSync(new URL(name, dir), 'utf8') })),
  ];
  const result = loadKnowledgeTexts(texts);
  const issues = result.ok ? [] : result.issues.map(formatIssue);

  it.each([
    ['fixtures/broken-yaml.yaml line', /broken-yaml\.yaml line \d+:/],
    ['an unknown top-level section', /unknown-section\.yaml .*critera/i],
    ['a weight out of range', /broken-criteria\.yaml criteria\[1\]\.weight/],
    ['an explanation too short', /broken-criteria\.yaml criteria\[1\]\.explanation/],
    ['a source that is not a URL', /broken-criteria\.yaml criteria\[1\]\.sources\[0\]/],
  ])('%s', (_what, pattern) => {
    expect(
      issues.some((i) => pattern.test(i)),
      issues.join('\n'),
    ).toBe(true);
  });

  it('reports cross-reference problems of a valid-shaped file', () => {
    const only = loadKnowledgeTexts([
      ...readKnowledgeFiles(),
      {
        file: 'fixtures/refs.yaml',
        text: [
          'criteria:',
          '  - { id: spark.cluster-scale-data-work, title: Dup, favours: sideways, weight: 2, when: { none: [task.etl] },',
          '      explanation: "refers to things that do not exist anywhere", sources: ["https://example.org/"],',
          '      suggests: [no-such-suggestion] }',
          'signals:',
          '  - { id: test.bad, label: Bad, group: test, patterns: ["big? data", "tr*"], whenNegated: task.nothing }',
        ].join('\n'),
      },
    ]);
    const found = only.ok ? [] : only.issues.map(formatIssue);
    for (const pattern of [
      /refs\.yaml criteria\[0\]\.id: duplicate id "spark\.cluster-scale-data-work"/,
      /refs\.yaml criteria\[0\]\.favours: unknown outcome "sideways"/,
      /refs\.yaml criteria\[0\]\.when: a criterion needs at least one signal/,
      /refs\.yaml criteria\[0\]\.suggests\[0\]: unknown suggestion/,
      /refs\.yaml signals\[0\]\.patterns\[0\]: the first word of a phrase cannot be optional/,
      /refs\.yaml signals\[0\]\.patterns\[1\]: .*at least 3 letters/,
      /refs\.yaml signals\[0\]\.whenNegated: unknown signal "task\.nothing"/,
    ]) {
      expect(
        found.some((i) => pattern.test(i)),
        `${pattern}\n${found.join('\n')}`,
      ).toBe(true);
    }
    expect(found.length).toBe(7);
  });
});
