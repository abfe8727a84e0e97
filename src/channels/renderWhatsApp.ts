import { ActionTypes, type Activity, ActivityTypes } from 'botbuilder';
import type { Choice, Reply } from '../reply';
import { feedbackHint } from './fitFeedback';
import { numberedMenu, shorten, splitText } from './splitText';

/** WhatsApp limits (Cloud API and connectors alike). */
export const WHATSAPP_MAX_TEXT = 4096;
export const WHATSAPP_MAX_REPLY_BUTTONS = 3;
export const WHATSAPP_MAX_BUTTON_TITLE = 20;

/** What a WhatsApp-native sender needs to show a menu as reply buttons or a list message. */
export interface WhatsAppMenu {
  /** The message text without the numbered lines. */
  body: string;
  choices: Choice[];
}

/** WhatsApp's own formatting: `*bold*` and `_italic_`; characters that would toggle it are left as they are. */
function bold(text: string): string {
  return `*${text.replace(/\*/g, '')}*`;
}

/**
 * WhatsApp-like channels: no cards and no Markdown links; a bold title, plain URLs, and messages of at
 * most 4,096 characters split at sentence boundaries. Menus are always numbered in the text (people
 * answer "2"); with up to 3 options they are also suggested actions with titles ≤ 20 characters.
 * The message carrying a menu has `channelData.whatsappMenu` so a native Cloud API sender can show
 * reply buttons or a list message instead of the numbered lines.
 */
export function renderWhatsApp(reply: Reply): Partial<Activity>[] {
  const parts = [reply.title ? bold(reply.title) : undefined, reply.text];
  if (reply.source) parts.push(`${reply.source.label}: ${reply.source.url}`);
  // A vote is typed (👍/👎), never a button: the answer's follow-ups keep all 3 buttons and 10 rows.
  parts.push(feedbackHint(reply));
  const body = parts.filter(Boolean).join('\n\n');
  const choices = reply.choices ?? [];
  const menu = choices.length ? numberedMenu(choices.map((c) => c.label)) : '';
  const chunks = splitText(menu ? `${body}\n\n${menu}` : body, WHATSAPP_MAX_TEXT);
  const activities: Partial<Activity>[] = chunks.map((text) => ({ type: ActivityTypes.Message, text, textFormat: 'plain' }));
  if (choices.length) {
    const last = activities[activities.length - 1];
    const lastBody = splitText(body, WHATSAPP_MAX_TEXT).pop() ?? '';
    last.channelData = { whatsappMenu: { body: lastBody, choices } satisfies WhatsAppMenu };
    if (choices.length <= WHATSAPP_MAX_REPLY_BUTTONS) {
      last.suggestedActions = {
        to: [],
        actions: choices.map((c) => ({ type: ActionTypes.ImBack, title: shorten(c.label, WHATSAPP_MAX_BUTTON_TITLE), value: c.value })),
      };
    }
  }
  return activities;
}
