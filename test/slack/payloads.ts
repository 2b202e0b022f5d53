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
