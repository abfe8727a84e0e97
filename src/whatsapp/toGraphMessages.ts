import type { Activity } from 'botbuilder';
import { shorten, splitText } from '../channels/splitText';
import { WHATSAPP_MAX_BUTTON_TITLE, WHATSAPP_MAX_REPLY_BUTTONS, WHATSAPP_MAX_TEXT, type WhatsAppMenu } from '../channels/renderWhatsApp';

/** WhatsApp Cloud API limits for interactive messages. */
export const MAX_LIST_ROWS = 10;
export const MAX_ROW_TITLE = 24;
export const MAX_ROW_DESCRIPTION = 72;
export const MAX_INTERACTIVE_BODY = 1024;
export const MAX_REPLY_ID = 200;

export type GraphMessage = Record<string, unknown> & { type: 'text' | 'interactive' | 'template' };

/**
 * Turns one rendered WhatsApp activity into Cloud API message payloads (without `to`): a menu of up
 * to 3 options becomes reply buttons, 4 to 10 a list message, more stays numbered text; everything
 * else is text of at most 4,096 characters. A button's id is the option's value, so a tap comes back
 * as the text the bot expects.
 */
export function toGraphMessages(activity: Partial<Activity>, listButtonLabel: string): GraphMessage[] {
  if (activity.type !== 'message') return [];
  const menu = activity.channelData?.whatsappMenu as WhatsAppMenu | undefined;
  const fitsInteractive = menu && menu.body.length <= MAX_INTERACTIVE_BODY && menu.choices.every((c) => c.value.length <= MAX_REPLY_ID);
  if (menu && fitsInteractive && menu.choices.length <= WHATSAPP_MAX_REPLY_BUTTONS) {
    return [{
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: menu.body },
        action: { buttons: menu.choices.map((c) => ({ type: 'reply', reply: { id: c.value, title: shorten(c.label, WHATSAPP_MAX_BUTTON_TITLE) } })) },
      },
    }];
  }
  if (menu && fitsInteractive && menu.choices.length <= MAX_LIST_ROWS) {
    return [{
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: menu.body },
        action: {
          button: shorten(listButtonLabel, WHATSAPP_MAX_BUTTON_TITLE),
          sections: [{ rows: menu.choices.map((c) => ({ id: c.value, title: shorten(c.label, MAX_ROW_TITLE), ...(c.label.length > MAX_ROW_TITLE && { description: shorten(c.label, MAX_ROW_DESCRIPTION) }) })) }],
        },
      },
    }];
  }
  return splitText(String(activity.text ?? ''), WHATSAPP_MAX_TEXT)
    .filter(Boolean)
    .map((body) => ({ type: 'text', text: { body, preview_url: false } }));
}
