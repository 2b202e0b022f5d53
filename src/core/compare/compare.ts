import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { DimensionData } from '../knowledge/schema.js';
import type { Comparison, ComparisonRow } from '../types.js';

export type CompareResult =
  | { readonly ok: true; readonly comparison: Comparison }
  | { readonly ok: false; readonly message: string; readonly valid: readonly string[] };

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

function toRow(d: DimensionData): ComparisonRow {
  return { id: d.id, title: d.title, spark: d.spark, pytorch: d.pytorch, takeaway: d.takeaway, sources: d.sources };
}

/** Side by side on one dimension (by id, alias or title), or on every dimension. */
export function compareDimensions(kb: KnowledgeBase, dimension?: string): CompareResult {
  if (dimension === undefined || normalise(dimension) === '' || normalise(dimension) === 'all') {
    return { ok: true, comparison: { dimensions: kb.dimensions.map(toRow) } };
  }
  const wanted = normalise(dimension);
  const found = kb.dimensions.find(
    (d) => d.id === wanted || normalise(d.title) === wanted || d.aliases.some((a) => normalise(a) === wanted),
  );
  const valid = kb.dimensions.map((d) => d.id);
  if (!found) {
    return {
      ok: false,
      message: `unknown dimension "${dimension.slice(0, 60)}"; choose one of: ${valid.join(', ')}`,
      valid,
    };
  }
  return { ok: true, comparison: { dimensions: [toRow(found)] } };
}
