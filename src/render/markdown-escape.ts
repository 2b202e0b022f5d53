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
      .replace(/-->/g, '--&gt;')
  );
}

/** Text for an inline code span: backticks cannot end it early, and nothing inside renders. */
export function codeSpan(text: string, max = 160): string {
  const clipped = (text.length > max ? `${text.slice(0, max)}…` : text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/-->/g, '-- >');
  const fence = clipped.includes('`') ? '``' : '`';
  return `${fence} ${clipped.replace(/`+$/, '')} ${fence}`;
}
