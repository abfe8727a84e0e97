import type { Ticket, TicketLine } from '../../handoff/Ticket';

/** Teams renders Adaptive Cards up to 1.5 on every client; 1.4 has all this card needs. */
const CARD_VERSION = '1.4';
/** The card shows the last turns, as a new ticket carries them (10 turns). */
export const CARD_LINES = 20;
/** Keeps a card far under Teams' ~80 KB message limit whatever people wrote. */
const MAX_LINE_CHARS = 500;
/** The `data.action` of the card's Claim button, as Teams sends it back in `activity.value`. */
export const CLAIM_ACTION = 'claimTicket';

const WHO: Record<TicketLine['from'], string> = { user: 'Person', bot: 'Bot', staff: 'Staff' };

/** "Español (es)": the language in its own name, as staff who speak it recognise it. */
function languageName(lang: string): string {
  const own = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  return `${own.charAt(0).toUpperCase()}${own.slice(1)} (${lang})`;
}

function status(ticket: Ticket): string {
  if (ticket.status === 'closed') return 'Closed';
  if (ticket.status === 'claimed') return `Claimed by ${ticket.claimedBy?.name ?? 'a colleague'}`;
  return 'Open — waiting for someone to claim it';
}

/** One transcript line; TextRuns show people's words literally (no Markdown links or formatting). */
export function lineBlock(line: TicketLine): object {
  const text = line.text.length > MAX_LINE_CHARS ? `${line.text.slice(0, MAX_LINE_CHARS)}…` : line.text;
  return {
    type: 'RichTextBlock',
    inlines: [
      { type: 'TextRun', text: `${line.author ?? WHO[line.from]}: `, weight: 'bolder' },
      { type: 'TextRun', text },
    ],
  };
}

/**
 * The Adaptive Card a ticket gets in the staff Teams channel: urgency first when urgent, then the
 * ticket id, language, channel, topic and status, the last turns (already masked), a Claim
 * button while nobody holds it, and a link to the ticket in the console when PUBLIC_URL is set.
 */
export function ticketCard(ticket: Ticket, consoleUrl?: string): object {
  const urgent = ticket.urgency === 'urgent';
  const body: object[] = [];
  if (urgent) body.push({ type: 'TextBlock', text: 'URGENT — danger signs in this conversation', color: 'attention', weight: 'bolder', size: 'large', wrap: true });
  body.push(
    { type: 'TextBlock', text: `Request ${ticket.id}`, weight: 'bolder', size: 'medium', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Urgency', value: urgent ? 'Urgent' : 'Normal' },
        { title: 'Language', value: languageName(ticket.lang) },
        { title: 'Channel', value: ticket.channel },
        { title: 'Topic', value: ticket.topic ?? 'not known' },
        { title: 'Status', value: status(ticket) },
      ],
    },
    { type: 'TextBlock', text: 'Last messages', weight: 'bolder', spacing: 'medium' },
    ...ticket.transcript.slice(-CARD_LINES).map(lineBlock),
  );
  if (ticket.status === 'open') body.push({ type: 'TextBlock', text: 'To answer, claim it, then reply in this thread mentioning the bot; "close" ends it.', isSubtle: true, wrap: true });
  const actions: object[] = [];
  if (ticket.status === 'open') actions.push({ type: 'Action.Submit', title: 'Claim', data: { action: CLAIM_ACTION, ticketId: ticket.id } });
  if (consoleUrl) actions.push({ type: 'Action.OpenUrl', title: 'Open in the console', url: `${consoleUrl}/staff#ticket=${encodeURIComponent(ticket.id)}` });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 && { actions }),
  };
}
