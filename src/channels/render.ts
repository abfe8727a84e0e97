import { ActionTypes, type Activity, ActivityTypes } from 'botbuilder';
import type { Reply } from '../reply';
import type { ChannelKind } from './channelKind';

export interface RenderTarget {
  kind: ChannelKind;
  /** Group chats (Teams channels, group chats) do not show suggested actions. */
  isGroup: boolean;
}

/** Turns one neutral reply into the activities that suit the channel. (Placeholder: full renderers land with the channels issue.) */
export function render(reply: Reply, target: RenderTarget): Partial<Activity>[] {
  const parts = [reply.title, reply.text, reply.source ? `${reply.source.label}: ${reply.source.url}` : undefined].filter(Boolean);
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text: parts.join('\n\n') };
  if (reply.choices?.length) {
    if (target.kind === 'webchat') {
      activity.suggestedActions = {
        to: [],
        actions: reply.choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.value })),
      };
    } else {
      activity.text += '\n\n' + reply.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
    }
  }
  return [activity];
}
