import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { review } from '../../src/index.js';

/** What an attacker puts in a pull request: mentions, team pings, images, links, raw HTML, autolinks. */
const PAYLOAD =
  '`` @acme/security-team ![p](https://evil.example/p.png) `` <img src="https://evil.example/i.png"> ' +
  '</details><details><summary>x</summary><a href="https://evil.example/a">click</a> ' +
  'www.evil.example mailto:boss@evil.example boss@evil.example &#64;acme [l](https://evil.example/l) ```';

const file = (path: string, lines: readonly string[], before: readonly string[] = []) =>
  [
    `diff --git a/${path} b/${path}`,
    before.length > 0 ? 'index 1111111..2222222 100644' : 'new file mode 100644',
    before.length > 0 ? `--- a/${path}` : '--- /dev/null',
    `+++ b/${path}`,
    `@@ -${before.length > 0 ? `1,${before.length}` : '0,0'} +1,${lines.length} @@`,
    ...before.map((l) => `-${l}`),
    ...lines.map((l) => `+${l}`),
  ].join('\n');

/** Each case as a diff carrying `p`: the payload, or a harmless word to compare with. */
const HOSTILE: Record<string, (p: string) => string> = {
  'a requirements comment': (p) => file('requirements.txt', [`torch==2.3.0  # ${p}`]),
  'a bumped version': (p) => file('requirements.txt', [`torch==2.4.0${p.replace(/\s/g, '')}`], ['torch==2.3.0']),
  'a file name with double backticks': (p) =>
    file(`src/${p === 'x' ? 'x' : '``@acme ![x](https://evil.example/x.png)``'}/requirements.txt`, ['pyspark==3.5.1']),
  'an import line': (p) =>
    file('job.py', ['import torch', `x = 1  # ${p}`, 'model = torch.nn.Linear(3, 1)', 'loss.backward()']),
  'a 100,000-character line': (p) => file('requirements.txt', [`pyspark==3.5.1  # ${p.repeat(400)}`]),
};
const tags = (html: string, name: string) => (html.match(new RegExp(`<\\/?${name}[\\s>]`, 'gi')) ?? []).length;

/** The comment as GitHub would render it: GFM, raw HTML allowed (GitHub then sanitises, we must not rely on it). */
const render = (markdown: string) =>
  micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
/** The rendered text outside code spans and blocks: where a mention would ping. */
const outsideCode = (html: string) => html.replace(/<code>[\s\S]*?<\/code>/g, '').replace(/<[^>]+>/g, ' ');

describe('untrusted text in the pull-request comment renders inert', () => {
  it.each(Object.entries(HOSTILE))('%s', (_what, make) => {
    const { markdown } = review(make(PAYLOAD));
    const html = render(markdown);
    const harmless = render(review(make('x')).markdown);
    expect(html).not.toMatch(/<img/i); // no image, ours or theirs
    expect(html).not.toMatch(/href="[^"]*evil\.example/i); // no link to a host we did not write
    // no HTML element from the input: exactly the elements the comment has for a harmless change
    for (const name of ['details', 'summary', 'a', 'script', 'sub'])
      expect(tags(html, name)).toBe(tags(harmless, name));
    expect(outsideCode(html)).not.toMatch(/(^|[^\w\u200b])@[A-Za-z0-9]/); // no live mention or team ping
    expect(outsideCode(html)).not.toMatch(/www\.evil|mailto:/i); // no autolink trigger outside code
    expect(markdown.match(/<!-- spark-or-pytorch/g) ?? []).toHaveLength(1); // one marker
  });
});
