import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ask } from '../../src/index.js';

/** Our own hand-written cases: not the accuracy figure (that is the real questions), but a floor. */
const cases = ['cases.yaml', 'cases-lead.yaml'].flatMap(
  (f) =>
    (
      parse(readFileSync(new URL(`../../eval/${f}`, import.meta.url), 'utf8')) as {
        cases: { text: string; expect: string }[];
      }
    ).cases,
);

describe('hand-written regression cases', () => {
  it('at least 85 % keep their expected verdict', () => {
    const right = cases.filter((c) => ask(c.text).verdict === c.expect).length;
    expect(cases.length).toBeGreaterThan(200);
    expect(right / cases.length).toBeGreaterThanOrEqual(0.85);
  });
});
