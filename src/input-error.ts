/** Bad input from a user: the message says what was wrong and what to do. Front ends show it as is. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Largest question `ask` reads, in characters. Larger input is refused, not truncated silently. */
export const MAX_QUESTION_CHARS = 256 * 1024;

/** Refuses empty, enormous or binary text with a message a person can act on. */
export function checkQuestion(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new InputError('the question is empty: describe the data, the job and the hardware');
  if (text.length > MAX_QUESTION_CHARS) {
    throw new InputError(
      `the question is ${Math.round(text.length / 1024)} KiB; the limit is ${MAX_QUESTION_CHARS / 1024} KiB — describe the situation in a few sentences`,
    );
  }
  let control = 0;
  for (let i = 0; i < Math.min(text.length, 4096); i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new InputError('the input looks binary (it contains NUL bytes): pass text');
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  if (control > 32) throw new InputError('the input looks binary (many control characters): pass text');
  return trimmed;
}

/** Longest chat message the bots read: Slack's own message limit. Longer text gets a short reply, not an answer. */
export const MAX_CHAT_CHARS = 40_000;

/** Refuses a chat message longer than any chat client sends, before any work is done on it. */
export function checkChatMessage(text: string): string {
  if (text.length > MAX_CHAT_CHARS) {
    throw new InputError(
      `that message is ${Math.round(text.length / 1000)}k characters; I read up to ${MAX_CHAT_CHARS / 1000}k — describe the situation in a few sentences`,
    );
  }
  return text;
}
