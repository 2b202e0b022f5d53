import { compare } from '../index.js';
import { HELP_TEXT } from '../render/block-kit.js';

/** The App Home tab: what the bot does, example questions, the comparison dimensions. */
export function homeView() {
  const dimensions = compare()
    .dimensions.map((d) => `\`${d.id}\` ${d.title}`)
    .join(' · ');
  return {
    type: 'home' as const,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Spark or PyTorch?' } },
      { type: 'section', text: { type: 'mrkdwn', text: HELP_TEXT } },
      { type: 'section', text: { type: 'mrkdwn', text: `*Comparison dimensions*\n${dimensions}` } },
    ],
  };
}
