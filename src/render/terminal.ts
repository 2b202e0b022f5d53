import type { Comparison, Recommendation, Suggestion } from '../core/index.js';
import { carriedLine, describeConfidence, NEXT_SECTION_TITLE, VERDICT_LABEL } from './labels.js';

export type TerminalStyle = { readonly bold: (s: string) => string; readonly dim: (s: string) => string };
export const PLAIN: TerminalStyle = { bold: (s) => s, dim: (s) => s };
export const ANSI: TerminalStyle = { bold: (s) => `\u001b[1m${s}\u001b[22m`, dim: (s) => `\u001b[2m${s}\u001b[22m` };

function wrap(text: string, indent: string, width = 96): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > width - indent.length) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

function suggestionLines(items: readonly Suggestion[], style: TerminalStyle): string[] {
  return items.flatMap((s) => [
    `  • ${style.bold(s.name)}`,
    wrap(s.why, '    '),
    style.dim(`    ${s.sources[0] ?? ''}`),
  ]);
}

/** A Recommendation as plain terminal text: verdict, confidence, reasons with the user's words, then what next. */
export function renderRecommendationText(r: Recommendation, style: TerminalStyle = PLAIN): string {
  const out: string[] = [];
  out.push(`${style.bold(`Verdict: ${r.headline}`)}   confidence ${describeConfidence(r.confidence)}`);
  out.push(wrap(r.summary, ''));
  const carried = carriedLine(r);
  if (carried) out.push(style.dim(wrap(`${carried} (run without --context to start fresh)`, '')));
  const backing = r.reasons.filter((x) => x.favours === r.verdict || r.verdict === 'both' || r.verdict === 'unclear');
  const others = r.reasons.filter((x) => !backing.includes(x));
  if (backing.length > 0) {
    out.push('', style.bold(r.verdict === 'unclear' ? 'What I picked up' : 'Why'));
    for (const reason of backing) {
      out.push(`  • ${reason.title}${reason.evidence ? ` — you said ${reason.evidence}` : ''}`);
      out.push(wrap(reason.explanation, '    '), style.dim(`    source: ${reason.source}`));
    }
  }
  if (others.length > 0) {
    out.push('', style.bold('Pulling the other way'));
    for (const reason of others) {
      out.push(
        `  • ${reason.title} (favours ${VERDICT_LABEL[reason.favours as keyof typeof VERDICT_LABEL] ?? reason.favours})${reason.evidence ? ` — ${reason.evidence}` : ''}`,
      );
    }
  }
  const next = [...r.bridges, ...r.alternatives, ...r.serving, ...r.practices];
  if (next.length > 0) {
    out.push('', style.bold(NEXT_SECTION_TITLE[r.verdict]));
    out.push(...suggestionLines(next, style));
  }
  if (r.followUps.length > 0) {
    out.push('', style.bold(r.verdict === 'unclear' ? NEXT_SECTION_TITLE.unclear : 'What could change this'));
    r.followUps.forEach((f, i) => {
      out.push(`  ${i + 1}. ${f.question}`);
      for (const o of f.options ?? [])
        out.push(`     - ${o.label.padEnd(40)} ${style.dim(`--answer ${f.id}=${o.id}`)}`);
    });
    out.push(
      style.dim('  Add the answers to the same question, e.g. spark-or-pytorch ask --answer data-size=terabytes "..."'),
    );
  }
  return `${out.join('\n')}\n`;
}

/** A Comparison as a readable side-by-side list. */
export function renderComparisonText(c: Comparison, style: TerminalStyle = PLAIN): string {
  const out: string[] = [];
  for (const d of c.dimensions) {
    out.push(style.bold(`${d.title} (${d.id})`));
    out.push('  Spark', wrap(d.spark, '    '), '  PyTorch', wrap(d.pytorch, '    '));
    out.push(`  → ${d.takeaway}`, style.dim(`  ${d.sources.join('  ')}`), '');
  }
  return `${out.join('\n')}`;
}
