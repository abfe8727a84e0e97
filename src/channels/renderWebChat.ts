import { ActionTypes, type Activity, ActivityTypes } from 'botbuilder';
import type { Reply } from '../reply';
import { fitFeedback } from './fitFeedback';
import { splitText } from './splitText';

export const WEBCHAT_MAX_TEXT = 10_000;
export const WEBCHAT_MAX_SUGGESTED_ACTIONS = 10;

/**
 * Markdown characters are escaped so nothing in a text can turn into a link, image, emphasis or HTML.
 * Parentheses need no escape once brackets are escaped (a link needs `](`), which keeps text readable
 * in clients that show Markdown as it is.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#|<>~])/g, '\\$1').replace(/^(\s*)([-+])/gm, '$1\\$2');
}

/** Web chat, Direct Line and the Emulator: Markdown, source as a link, suggested actions. */
export function renderWebChat(reply: Reply): Partial<Activity>[] {
  const { choices, hint } = fitFeedback(reply, WEBCHAT_MAX_SUGGESTED_ACTIONS);
  const parts: string[] = [];
  if (reply.title) parts.push(`**${escapeMarkdown(reply.title)}**`);
  parts.push(escapeMarkdown(reply.text));
  if (reply.source) parts.push(`${escapeMarkdown(reply.source.label)}: [${escapeMarkdown(reply.source.url)}](${encodeURI(reply.source.url)})`);
  if (hint) parts.push(escapeMarkdown(hint));
  const chunks = splitText(parts.join('\n\n'), WEBCHAT_MAX_TEXT);
  const activities: Partial<Activity>[] = chunks.map((text) => ({ type: ActivityTypes.Message, text, textFormat: 'markdown' }));
  if (choices.length) {
    activities[activities.length - 1].suggestedActions = {
      to: [],
      actions: choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.value })),
    };
  }
  return activities;
}
