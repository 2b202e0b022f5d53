import type { Assessment, Change, Review } from '../core/review/types.js';
import type { Suggestion } from '../core/types.js';
import { describeConfidence, VERDICT_LABEL } from './labels.js';
import { codeSpan, escapeMarkdown } from './markdown-escape.js';

/** The hidden marker that identifies our sticky comment. */
export const COMMENT_MARKER = '<!-- spark-or-pytorch:review -->';
/** GitHub rejects comment bodies over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_000;
const TITLE = '## Spark or PyTorch? — review of this pull request';

const FIT_LINE: Record<Assessment['fit'], string> = {
  fits: '✅ **fits** what the code does',
  'consider-alternative': '⚠️ **consider an alternative**',
  unclear: '❓ **unclear** — the code does not show enough yet',
};
const FIT_RANK: Record<Assessment['fit'], number> = { 'consider-alternative': 0, unclear: 1, fits: 2 };

type Reviewed = Omit<Review, 'markdown'>;

const frameworkName = (review: Pick<Review, 'assessments'>, id: string) =>
  review.assessments.find((a) => a.framework === id)?.name ??
  (id === 'pytorch' ? 'PyTorch' : id === 'spark' ? 'Apache Spark' : id);

/** An outcome id in words: "Spark", "Neither" (ids are for machines). */
const inWords = (id: string) => VERDICT_LABEL[id as keyof typeof VERDICT_LABEL] ?? id;

/** Text cut at the last word boundary before `max` characters, never inside a token. */
export function clipWords(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${(at > max / 3 ? cut.slice(0, at) : cut).replace(/[\s,;:]+$/, '')}…`;
}
const safe = (text: string, max: number) => escapeMarkdown(clipWords(text, max), max + 1);

/** The tool's own documentation among a suggestion's sources, before benchmarks, issues and posts. */
export function docsLink(s: Pick<Suggestion, 'sources'>): string | undefined {
  const score = (url: string) => {
    const u = /^https:\/\/([^/]+)(\/[^?#]*)?/.exec(url);
    if (!u) return -1;
    const [host = '', path = ''] = [u[1], u[2]];
    if (/^docs?\./.test(host) || /\/(docs?|documentation|user-guide|reference|api|getting[_-]started)(\/|$)/.test(path))
      return 3;
    if (host === 'github.com' && /^\/[^/]+\/[^/]+\/?$/.test(path)) return 2;
    if (host === 'github.com' || /blog/.test(host + path)) return 0;
    return 1;
  };
  return [...s.sources].sort((a, b) => score(b) - score(a))[0];
}

/** Where the comment can link lines to: the head commit of the repository. */
export type MarkdownContext = {
  /** total files in the pull request and how many were read (when GitHub's list was cut short) */
  readonly filesTotal?: number;
  readonly filesRead?: number;
  /** e.g. https://github.com/acme/pipelines — with headSha, lines become links */
  readonly repositoryUrl?: string;
  readonly headSha?: string;
};

function lineLink(file: string, line: number, context: MarkdownContext): string {
  const label = `${codeSpan(file, 100)}:${line}`;
  if (!context.repositoryUrl || !context.headSha || !/^[0-9a-f]{7,64}$/.test(context.headSha)) return label;
  const path = file
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[()!*']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `[${label}](${context.repositoryUrl}/blob/${context.headSha}/${path}#L${line})`;
}

function changeLine(c: Change): string {
  const where = c.cell
    ? `${codeSpan(c.file, 120)} cell ${c.cell.index}, line ${c.cell.line}`
    : `${codeSpan(c.file, 120)} line ${c.line}`;
  const how = c.via === 'transitive' ? ` through ${codeSpan(c.package, 60)}` : '';
  const version =
    c.change === 'bumped' ? ` ${codeSpan(c.from || '(unpinned)', 40)} → ${codeSpan(c.to || '(unpinned)', 40)}` : '';
  return `- **${c.change}**${how}${version} (${c.ecosystem}) — ${where}: ${codeSpan(clipWords(c.evidence, 160), 200)}`;
}

const VERDICT_FIT: Record<Assessment['fit'], { emoji: string; words: string }> = {
  fits: { emoji: '✅', words: 'it fits what the code does' },
  'consider-alternative': { emoji: '⚠️', words: 'consider an alternative' },
  unclear: { emoji: '❓', words: 'unclear whether it fits: the code does not show enough yet' },
};

/** "**Apache Spark** on the JVM" when every addition of it is a JVM artifact. */
function addedName(review: Reviewed, framework: string): string {
  const families = new Set(
    review.changes.filter((c) => c.framework === framework && c.change === 'added').map((c) => c.family),
  );
  const jvmOnly = families.size === 1 && families.has('jvm');
  return `**${frameworkName(review, framework)}**${jvmOnly ? ' on the JVM' : ''}`;
}

/** The first line a reader sees: what the pull request does and, when it adds one, whether that fits. */
function verdictLine(review: Reviewed): string {
  const added = review.frameworksAdded.map((f) => addedName(review, f));
  const removed = review.frameworksRemoved.map((f) => `**${frameworkName(review, f)}**`);
  const worst = [...review.assessments].sort((a, b) => FIT_RANK[a.fit] - FIT_RANK[b.fit])[0];
  if (added.length > 0 && worst) {
    const { emoji, words } = VERDICT_FIT[worst.fit];
    const points =
      worst.verdict === 'unclear'
        ? ''
        : `: the code points to **${inWords(worst.verdict)}** (${describeConfidence(worst.confidence)} confidence)`;
    const also = removed.length > 0 ? ` It removes ${removed.join(' and ')}.` : '';
    return `${emoji} This pull request adds ${added.join(' and ')} — ${words}${points}.${also}`;
  }
  if (removed.length > 0) return `This pull request removes ${removed.join(' and ')}.`;
  const bumped = [...new Set(review.changes.filter((c) => c.change === 'bumped').map((c) => c.framework))];
  if (bumped.length > 0)
    return `This pull request bumps ${bumped.map((f) => `**${frameworkName(review, f)}**`).join(' and ')}; nothing new is added.`;
  const first = review.firstUses[0];
  if (first)
    return `No framework is added: **${frameworkName(review, first.framework)}** is already declared in ${codeSpan(first.declaredIn, 100)}; this pull request first uses it in ${codeSpan(first.file, 100)}.`;
  return 'No framework is newly added or removed; the changes below are packages that pull one in.';
}

function assessmentSection(a: Assessment, context: MarkdownContext): string[] {
  const out = [`### ${a.name}: ${FIT_LINE[a.fit]}`, ''];
  if (a.verdict === 'unclear') {
    out.push(
      'The added code and the description do not yet show what would decide this: how much data, what the job is, how fast results must come.',
    );
  } else {
    out.push(
      `The code and the description point to **${inWords(a.verdict)}** (${describeConfidence(a.confidence)} confidence). ${safe(a.summary, 600)}`,
    );
  }
  if (a.policy === 'justify')
    out.push('', '> Your organisation asks for a justification of this framework in the pull request description.');
  if (a.reasons.length > 0) {
    out.push('', '| criterion | favours | evidence |', '| --- | --- | --- |');
    for (const r of a.reasons.slice(0, 8)) {
      out.push(
        `| [${safe(r.title, 120)}](${r.source}) | ${escapeMarkdown(inWords(r.favours), 40)} | ${safe(r.evidence, 160) || '—'} |`,
      );
    }
  }
  if (a.lines.length > 0) {
    out.push('', 'Lines that led here:');
    const ordered = [...a.lines].sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line);
    for (const l of ordered)
      out.push(`- ${lineLink(l.file, l.line, context)} ${codeSpan(clipWords(l.text, 160), 200)}`);
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
    for (const s of next.slice(0, 5)) out.push(`- [${safe(s.name, 120)}](${docsLink(s) ?? ''}) — ${safe(s.why, 300)}`);
  }
  return out;
}

/** The pull-request comment: the verdict first, then what changed, what the code does with it, and whether that fits. */
export function renderReviewMarkdown(review: Reviewed, context: MarkdownContext = {}): string {
  const out = [COMMENT_MARKER, verdictLine(review), '', TITLE, ''];
  for (const f of review.firstUses.slice(0, 5))
    out.push(
      `- ${frameworkName(review, f.framework)} is already declared in ${codeSpan(f.declaredIn, 100)}; first used in ${lineLink(f.file, f.line, context)}.`,
    );
  if (review.firstUses.length > 0) out.push('');
  out.push('<details><summary>What changed</summary>', '');
  for (const c of review.changes.slice(0, 50)) out.push(changeLine(c));
  if (review.changes.length > 50) out.push(`- … and ${review.changes.length - 50} more`);
  if (review.changes.length === 0) out.push('- no manifest change');
  out.push('', '</details>', '');
  for (const a of review.assessments) out.push(...assessmentSection(a, context), '');
  for (const note of review.notes) out.push(`> ${safe(note, 300)}`, '');
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
    verdictLine(review),
    '',
    TITLE,
    '',
    ...review.assessments.map((a) => `- ${a.name}: ${FIT_LINE[a.fit]}`),
    '',
    'The full review is longer than a GitHub comment allows; see the job summary.',
  ].join('\n');
}
