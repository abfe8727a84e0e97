import type { Activity } from 'botbuilder';
import type { Reply } from '../reply';
import type { ChannelKind } from './channelKind';
import { renderPlain, renderSms } from './renderPlain';
import { renderTeams } from './renderTeams';
import { renderWebChat } from './renderWebChat';
import { renderWhatsApp } from './renderWhatsApp';

export interface RenderTarget {
  kind: ChannelKind;
  /** Group chats (Teams channels, group chats) do not show suggested actions. */
  isGroup: boolean;
}

/** Turns one neutral reply into the activities that suit the channel; unknown kinds get plain text. */
export function render(reply: Reply, target: RenderTarget): Partial<Activity>[] {
  switch (target.kind) {
    case 'teams':
      return renderTeams(reply, target.isGroup);
    case 'webchat':
      return renderWebChat(reply);
    case 'whatsapp':
      return renderWhatsApp(reply);
    case 'sms':
      return renderSms(reply);
    default:
      return renderPlain(reply);
  }
}
