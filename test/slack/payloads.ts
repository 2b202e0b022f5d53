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

/** A button click on one of our messages (an interactivity form body), as Slack POSTs it. */
export const buttonClick = (click: {
  actionId: string;
  value: string | undefined;
  responseUrl: string;
  user?: string;
  channel?: string;
  messageTs?: string;
}) =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_actions',
      user: { id: click.user ?? 'U2' },
      team: { id: 'T1' },
      channel: { id: click.channel ?? 'C1' },
      api_app_id: 'A1',
      token: 'legacy',
      container: { type: 'message', message_ts: click.messageTs ?? '1', channel_id: click.channel ?? 'C1' },
      trigger_id: '1.2',
      response_url: click.responseUrl,
      actions: [{ type: 'button', action_id: click.actionId, block_id: 'b', value: click.value, action_ts: '1.5' }],
    }),
  }).toString();
