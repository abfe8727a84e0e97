import { ActionTypes, type Activity, ActivityTypes, CardFactory } from 'botbuilder';
import type { Reply } from '../reply';
import { fitFeedback } from './fitFeedback';
import { splitText } from './splitText';
import { escapeMarkdown } from './renderWebChat';

/** Teams shows suggested actions only in one-to-one chats, and at most six. */
export const TEAMS_MAX_SUGGESTED_ACTIONS = 6;
/** Card buttons in group chats. */
export const TEAMS_MAX_CARD_BUTTONS = 6;
/** Teams refuses messages around 80 KB; stay far below. */
export const TEAMS_MAX_TEXT = 20_000;

/**
 * Teams: answers with a source become an Adaptive Card (title, text, "Source" button);
 * menus are suggested actions in one-to-one chats and card buttons in group chats; 👍/👎 go after them.
 */
export function renderTeams(neutral: Reply, isGroup: boolean): Partial<Activity>[] {
  const { choices, hint } = fitFeedback(neutral, isGroup ? TEAMS_MAX_CARD_BUTTONS : TEAMS_MAX_SUGGESTED_ACTIONS);
  const reply = hint ? { ...neutral, text: `${neutral.text}\n\n${hint}` } : neutral;
  const activities: Partial<Activity>[] = reply.source
    ? [{ type: ActivityTypes.Message, attachments: [answerCard(reply, isGroup ? choices : [])] }]
    : splitText([reply.title && `**${escapeMarkdown(reply.title)}**`, escapeMarkdown(reply.text)].filter(Boolean).join('\n\n'), TEAMS_MAX_TEXT).map(
        (text) => ({ type: ActivityTypes.Message, text }),
      );
  const last = activities[activities.length - 1];
  const actions = choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.value }));
  if (actions.length && !isGroup) last.suggestedActions = { to: [], actions };
  if (actions.length && isGroup && !reply.source) last.attachments = [CardFactory.heroCard('', undefined, actions)];
  return activities;
}

function answerCard(reply: Reply, buttons: NonNullable<Reply['choices']>) {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [
      ...(reply.title ? [{ type: 'TextBlock', text: escapeMarkdown(reply.title), weight: 'Bolder', size: 'Medium', wrap: true }] : []),
      { type: 'TextBlock', text: escapeMarkdown(reply.text), wrap: true },
    ],
    actions: [
      ...(reply.source ? [{ type: 'Action.OpenUrl', title: reply.source.label, url: reply.source.url }] : []),
      ...buttons.map((c) => ({ type: 'Action.Submit', title: c.label, data: { msteams: { type: 'imBack', value: c.value } } })),
    ],
  });
}
