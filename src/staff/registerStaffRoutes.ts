import type { Request, Response, Server } from 'restify';
import type { BotServices } from '../bot/BotServices';
import type { BotApp } from '../bot/createBot';
import { NotDeliverableError, type Proactive, SentAsTemplateError } from '../bot/Proactive';
import type { ConversationData } from '../bot/state';
import { channelKindOf } from '../channels/channelKind';
import { render } from '../channels/render';
import type { Ticket, TicketStatus } from '../handoff/Ticket';
import { errorSummary } from '../log';
import type { Reply } from '../reply';
import { staffAllowed } from './requireStaffToken';

export const MAX_STAFF_MESSAGE = 2000;
const STATUSES: readonly TicketStatus[] = ['open', 'claimed', 'closed'];

export interface StaffDeps {
  services: BotServices;
  app: BotApp;
  proactive: Proactive;
}

/** What staff see of a ticket; the conversation reference stays inside the bot. */
function view(ticket: Ticket, withTranscript: boolean) {
  const { reference: _reference, userKey: _userKey, transcript, ...rest } = ticket;
  const last = transcript[transcript.length - 1];
  return { ...rest, lines: transcript.length, lastMessageAt: last?.at, ...(withTranscript && { transcript }) };
}

/**
 * The helpdesk API (`/api/staff/*`, every route behind the staff token): the handoff queue, one
 * ticket with its transcript, claim, close, reply to the person (delivered proactively in their
 * channel), and the questions the bot could not answer.
 */
export function registerStaffRoutes(server: Server, deps: StaffDeps): void {
  const { services, app, proactive } = deps;
  const { tickets, config, logger } = services;
  const guard = (req: Request, res: Response) => staffAllowed(config.STAFF_API_TOKEN, req, res);
  const channels = { whatsappIds: config.WHATSAPP_CHANNEL_IDS, smsIds: config.SMS_CHANNEL_IDS };

  /** Sends a neutral reply into the ticket's conversation, rendered for its channel. */
  const deliver = async (ticket: Ticket, reply: Reply, change?: (convo: ConversationData) => void) => {
    await proactive.continueConversation(ticket.reference, async (ctx) => {
      const kind = channelKindOf(ctx.activity.channelId, channels);
      const activities = render(reply, { kind, isGroup: Boolean(ticket.reference.conversation?.isGroup) });
      for (const a of activities) a.locale = ticket.lang;
      await ctx.sendActivities(activities);
      if (change) change(await app.bot.conversationData.get(ctx, {}));
    });
  };

  const found = async (req: Request, res: Response): Promise<Ticket | undefined> => {
    const ticket = await tickets.get(String(req.params.id ?? ''));
    if (!ticket) res.send(404, { error: 'No ticket with this id.' });
    return ticket;
  };

  const failed = (res: Response, err: unknown): void => {
    if (err instanceof NotDeliverableError) {
      res.send(409, { error: err.reason });
      return;
    }
    if (err instanceof SentAsTemplateError) {
      res.send(202, { delivered: false, templateSent: true, note: err.message });
      return;
    }
    logger.warn({ err: errorSummary(err) }, 'staff message not delivered');
    res.send(502, { error: 'The message could not be delivered to the conversation. Try again later.' });
  };

  server.get('/api/staff/handoffs', async (req, res) => {
    if (!guard(req, res)) return;
    const status = req.query?.status as string | undefined;
    if (status !== undefined && !STATUSES.includes(status as TicketStatus)) {
      res.send(400, { error: 'status must be open, claimed or closed.' });
      return;
    }
    res.send(200, { handoffs: (await tickets.list(status as TicketStatus | undefined)).map((t) => view(t, false)) });
  });

  server.get('/api/staff/handoffs/:id', async (req, res) => {
    if (!guard(req, res)) return;
    const ticket = await found(req, res);
    if (ticket) res.send(200, view(ticket, true));
  });

  server.post('/api/staff/handoffs/:id/claim', async (req, res) => {
    if (!guard(req, res)) return;
    const ticket = await found(req, res);
    if (!ticket) return;
    if (ticket.status === 'closed') {
      res.send(409, { error: 'This ticket is closed.' });
      return;
    }
    res.send(200, view((await tickets.setStatus(ticket.id, 'claimed'))!, false));
  });

  server.post('/api/staff/handoffs/:id/close', async (req, res) => {
    if (!guard(req, res)) return;
    const ticket = await found(req, res);
    if (!ticket) return;
    const closed = (await tickets.setStatus(ticket.id, 'closed'))!;
    try {
      await deliver(ticket, { kind: 'handoff', text: services.i18n.t(ticket.lang, 'handoff.closedByStaff') }, (convo) => {
        if (convo.ticketId === ticket.id) convo.ticketId = undefined;
      });
    } catch (err) {
      logger.warn({ err: errorSummary(err), ticket: ticket.id }, 'could not tell the person the ticket was closed');
    }
    res.send(200, view(closed, false));
  });

  server.post('/api/staff/handoffs/:id/messages', async (req, res) => {
    if (!guard(req, res)) return;
    const ticket = await found(req, res);
    if (!ticket) return;
    const text = typeof req.body?.text === 'string' ? req.body.text.trim() : '';
    if (!text) {
      res.send(400, { error: 'Send {"text": "..."} with the message for the person.' });
      return;
    }
    if (text.length > MAX_STAFF_MESSAGE) {
      res.send(400, { error: `The message is longer than ${MAX_STAFF_MESSAGE} characters.` });
      return;
    }
    if (ticket.status === 'closed') {
      res.send(409, { error: 'This ticket is closed.' });
      return;
    }
    try {
      await deliver(ticket, { kind: 'staff', title: services.i18n.t(ticket.lang, 'handoff.staffPrefix'), text });
    } catch (err) {
      failed(res, err);
      return;
    }
    const updated = await tickets.append(ticket.id, { from: 'staff', text, at: new Date().toISOString() });
    if (ticket.status === 'open') await tickets.setStatus(ticket.id, 'claimed');
    res.send(200, { delivered: true, lines: updated?.transcript.length });
  });

  server.get('/api/staff/unanswered', async (req, res) => {
    if (!guard(req, res)) return;
    res.send(200, { unanswered: await services.unanswered.list() });
  });
}
