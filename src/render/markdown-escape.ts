/**
 * Untrusted text (PR titles, bodies, file names, code) made safe for a GitHub comment: no
 * @mention pings, no links, images or HTML, nothing that can close or forge our hidden marker.
 */
export function escapeMarkdown(text: string, max = 300): string {
  const clipped = text.length > max ? `${text.slice(0, max)}…` : text;
  return (
    clipped
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\r?\n/g, ' ')
      .replace(/[\\`*_{}[\]()<>#+!|~&"]/g, (c) => `&#${c.charCodeAt(0)};`)
      .replace(/@/g, '@\u200b')
      .replace(/:\/\//g, ':/\u200b/')
      // GFM's extended autolinks: "www.example.com", "mailto:a@b", "xmpp:": break the trigger
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200b.`)
      .replace(/\b(mailto|xmpp):/gi, '$1\u200b:')
      .replace(/-->/g, '--&gt;')
  );
}

/**
 * Text for an inline code span, by CommonMark's rule: the fence is one backtick longer than the
 * longest run of backticks inside, and spaces pad the content, so nothing inside can end the span
 * early — and inside a span nothing renders (no mention, link, image or HTML).
 */
export function codeSpan(text: string, max = 160): string {
  const clipped = (text.length > max ? `${text.slice(0, max)}…` : text)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/-->/g, '-- >');
  let longest = 0;
  for (const run of clipped.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${clipped} ${fence}`;
}
