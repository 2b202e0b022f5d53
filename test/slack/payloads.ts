import type { AppMentionEvent } from '@slack/types';

let seq = 0;
/** An Events API envelope around `event`, as Slack POSTs it. */
export function envelope(event: object, eventId = `Ev${++seq}`) {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [
      { enterprise_id: null, team_id: 'T1', user_id: 'UBOT', is_bot: true, is_enterprise_install: false },
    ],
  });
}

export const mention = (text: string, ts = '1700000001.000100'): AppMentionEvent =>
  ({ type: 'app_mention', user: 'U1', text: `<@UBOT> ${text}`, ts, channel: 'C1', event_ts: ts }) as AppMentionEvent;

/** A slash-command form body, as Slack POSTs it. */
export const slashCommand = (text: string, responseUrl: string) =>
  new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    command: '/spark-or-pytorch',
    text,
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();

type Click = {
  actionId: string;
  responseUrl: string;
  user?: string;
  channel?: string;
  messageTs?: string;
  /** a private (ephemeral) message: Slack sends no `message` for it, and says so in the container */
  ephemeral?: boolean;
};

/** A block_actions payload (an interactivity form body) about one action, as Slack POSTs it. */
function blockActions(click: Click, action: Record<string, unknown>) {
  const ts = click.messageTs ?? '1';
  return new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_actions',
      user: { id: click.user ?? 'U2' },
      team: { id: 'T1' },
      channel: { id: click.channel ?? 'C1' },
      api_app_id: 'A1',
      token: 'legacy',
      container: {
        type: 'message',
        message_ts: ts,
        channel_id: click.channel ?? 'C1',
        is_ephemeral: click.ephemeral ?? false,
      },
      ...(click.ephemeral ? {} : { message: { type: 'message', ts, user: 'UBOT', text: '' } }),
      trigger_id: '1.2',
      response_url: click.responseUrl,
      actions: [{ action_id: click.actionId, block_id: 'b', action_ts: '1.5', ...action }],
    }),
  }).toString();
}

/** A button click on one of our messages. */
export const buttonClick = (click: Click & { value: string | undefined }) =>
  blockActions(click, { type: 'button', value: click.value });

/** An option chosen in a static_select on one of our messages. */
export const selectChoice = (click: Click & { option: { text: { type: string; text: string }; value: string } }) =>
  blockActions(click, { type: 'static_select', selected_option: click.option });
