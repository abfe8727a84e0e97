import { type Activity, ActivityTypes } from 'botbuilder';
import type { Reply } from '../reply';
import { feedbackHint } from './fitFeedback';
import { numberedMenu, splitText } from './splitText';

/** Unknown channels: plain text only. A safe size for any text channel. */
export const PLAIN_MAX_TEXT = 4000;
/** SMS: keep it short; carriers split long messages into several paid parts. */
export const SMS_MAX_TEXT = 1600;

/** Plain text with the source as a bare URL and the menu as numbered lines. */
export function plainText(reply: Reply): string {
  const parts = [reply.title, reply.text];
  if (reply.source) parts.push(`${reply.source.label}: ${reply.source.url}`);
  parts.push(feedbackHint(reply));
  if (reply.choices?.length) parts.push(numberedMenu(reply.choices.map((c) => c.label)));
  return parts.filter(Boolean).join('\n\n');
}

/** The safe default for channels we do not know: plain text, numbered menu, split if long. */
export function renderPlain(reply: Reply, maxText = PLAIN_MAX_TEXT): Partial<Activity>[] {
  return splitText(plainText(reply), maxText).map((text) => ({ type: ActivityTypes.Message, text, textFormat: 'plain' }));
}

/** SMS-like channels: the same as plain, in shorter messages. */
export function renderSms(reply: Reply): Partial<Activity>[] {
  return renderPlain(reply, SMS_MAX_TEXT);
}
