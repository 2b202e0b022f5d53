import type { Assessment, Change, Review } from '../core/review/types.js';
import { VERDICT_LABEL } from './labels.js';
import { codeSpan, escapeMarkdown } from './markdown-escape.js';

/** The hidden marker that identifies our sticky comment. */
export const COMMENT_MARKER = '<!-- spark-or-pytorch:review -->';
/** GitHub rejects comment bodies over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_000;

const FIT_LINE: Record<Assessment['fit'], string> = {
  fits: '✅ **fits** what the code does',
  'consider-alternative': '⚠️ **consider an alternative**',
  unclear: '❓ **unclear** — the code does not show enough yet',
};

const frameworkName = (review: Pick<Review, 'assessments'>, id: string) =>
  review.assessments.find((a) => a.framework === id)?.name ??
  (id === 'pytorch' ? 'PyTorch' : id === 'spark' ? 'Spark' : id);

function changeLine(c: Change): string {
  const where = `${codeSpan(c.file, 120)} line ${c.line}`;
  const how = c.via === 'transitive' ? ` through ${codeSpan(c.package, 60)}` : '';
  const version =
    c.change === 'bumped' ? ` ${codeSpan(c.from || '(unpinned)', 40)} → ${codeSpan(c.to || '(unpinned)', 40)}` : '';
  return `- **${c.change}**${how}${version} (${c.ecosystem}) — ${where}: ${codeSpan(c.evidence)}`;
}

function assessmentSection(a: Assessment): string[] {
  const out = [`### ${a.name}: ${FIT_LINE[a.fit]}`, ''];
  if (a.verdict === 'unclear') {
    out.push(
      'The added code and the description do not yet show what would decide this: how much data, what the job is, how fast results must come.',
    );
  } else {
    const label = VERDICT_LABEL[a.verdict as keyof typeof VERDICT_LABEL] ?? a.verdict;
    out.push(
      `The code and the description point to **${label}** (confidence ${a.confidence.toFixed(2)}). ${escapeMarkdown(a.summary, 600)}`,
    );
  }
  if (a.policy === 'justify')
    out.push('', '> Your organisation asks for a justification of this framework in the pull request description.');
  if (a.reasons.length > 0) {
    out.push('', '| criterion | favours | evidence |', '| --- | --- | --- |');
    for (const r of a.reasons.slice(0, 8)) {
      out.push(
        `| [${escapeMarkdown(r.title, 120)}](${r.source}) | ${escapeMarkdown(r.favours, 20)} | ${escapeMarkdown(r.evidence, 160) || '—'} |`,
      );
    }
  }
  if (a.lines.length > 0) {
    out.push('', 'Lines that led here:');
    for (const l of a.lines) out.push(`- ${codeSpan(l.file, 100)}:${l.line} ${codeSpan(l.text)}`);
  }
  if (a.followUps.length > 0) {
    out.push(
      '',
      'Tell the review what the code cannot show, in `.github/spark-or-pytorch.yml`:',
      '',
      '```yaml',
      'answers:',
    );
    for (const f of a.followUps)
      out.push(`  ${f.id}: ${f.options?.map((o) => o.id).join(' | ') ?? ''}   # ${f.question}`);
    out.push('```');
  }
  const next = [...a.bridges, ...a.alternatives];
  if (next.length > 0) {
    out.push('', a.fit === 'fits' ? 'Worth knowing:' : 'To consider instead:');
    for (const s of next.slice(0, 5))
      out.push(`- [${escapeMarkdown(s.name, 120)}](${s.sources[0] ?? ''}) — ${escapeMarkdown(s.why, 300)}`);
  }
  return out;
}

export type MarkdownContext = {
  /** total files in the pull request and how many were read (when GitHub's list was cut short) */
  readonly filesTotal?: number;
  readonly filesRead?: number;
};

/** The pull-request comment: what changed, what the code does with it, and whether that fits. */
export function renderReviewMarkdown(review: Omit<Review, 'markdown'>, context: MarkdownContext = {}): string {
  const out = [COMMENT_MARKER, '## Spark or PyTorch? — review of this pull request', ''];
  const added = review.frameworksAdded.map((f) => frameworkName(review, f));
  const removed = review.frameworksRemoved.map((f) => frameworkName(review, f));
  if (added.length > 0) out.push(`This pull request adds **${added.join('** and **')}**.`);
  if (removed.length > 0) out.push(`This pull request removes **${removed.join('** and **')}**.`);
  if (added.length === 0 && removed.length === 0)
    out.push('No framework is newly added or removed; the changes below are bumps or packages that pull one in.');
  out.push('', '<details><summary>What changed</summary>', '');
  for (const c of review.changes.slice(0, 50)) out.push(changeLine(c));
  if (review.changes.length > 50) out.push(`- … and ${review.changes.length - 50} more`);
  out.push('', '</details>', '');
  for (const a of review.assessments) out.push(...assessmentSection(a), '');
  if (context.filesTotal !== undefined && context.filesRead !== undefined && context.filesRead < context.filesTotal) {
    out.push(
      `> Only ${context.filesRead} of ${context.filesTotal} changed files could be read (GitHub lists at most 3,000); the rest were not reviewed.`,
      '',
    );
  }
  if (review.skipped.length > 0)
    out.push(`<sub>${review.skipped.length} file(s) skipped by the configuration's ignore globs.</sub>`, '');
  out.push(
    '<sub>Judged by the spark-or-pytorch selection criteria. Add what the code cannot show (data size, GPUs, platform) in `.github/spark-or-pytorch.yml`.</sub>',
  );
  const body = out.join('\n');
  if (body.length <= MAX_COMMENT_CHARS) return body;
  return [
    COMMENT_MARKER,
    '## Spark or PyTorch? — review of this pull request',
    '',
    `Adds: ${added.join(', ') || 'nothing'}; removes: ${removed.join(', ') || 'nothing'}.`,
    ...review.assessments.map((a) => `- ${a.name}: ${FIT_LINE[a.fit]}`),
    '',
    'The full review is longer than a GitHub comment allows; see the job summary.',
  ].join('\n');
}
