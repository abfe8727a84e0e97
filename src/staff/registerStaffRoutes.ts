import type { Request, Response, Server } from 'restify';
import type { BotServices } from '../bot/BotServices';
import { type DeskResult, type HandoffDesk, MAX_STAFF_MESSAGE } from '../handoff/HandoffDesk';
import type { StaffAudit } from '../handoff/StaffAudit';
import type { Ticket, TicketStatus } from '../handoff/Ticket';
import { requireStaff } from './StaffGate';
import type { StaffIdentity } from './StaffIdentity';

const STATUSES: readonly TicketStatus[] = ['open', 'claimed', 'closed'];

export interface StaffDeps {
  services: BotServices;
  desk: HandoffDesk;
  audit: StaffAudit;
}

/**
 * What staff see of a ticket: who holds it (a name, and whether it is the caller), never the
 * conversation reference, the person's key or the Teams thread ids.
 */
function view(ticket: Ticket, staff: StaffIdentity, withTranscript: boolean) {
  const { reference: _reference, userKey: _userKey, teams: _teams, claimedBy, transcript, ...rest } = ticket;
  const last = transcript[transcript.length - 1];
  return {
    ...rest,
    claimedBy: claimedBy?.name,
    claimedAt: claimedBy?.at,
    claimedByYou: claimedBy !== undefined && claimedBy.key === staff.key,
    lines: transcript.length,
    lastMessageAt: last?.at,
    ...(withTranscript && { transcript }),
  };
}

const STATUS_OF: Record<Exclude<DeskResult, { ok: true }>['problem'], number> = {
  missing: 404,
  closed: 409,
  taken: 409,
  undeliverable: 409,
  template: 202,
  failed: 502,
};

/**
 * The helpdesk API (`/api/staff/*`, behind the staff gate): the queue, one ticket with its
 * transcript and audit, claim (exclusive unless `{"takeOver": true}`), reply to the person
 * (delivered in their channel), close, and the questions the bot could not answer. Every action
 * is recorded with the caller's name.
 */
export function registerStaffRoutes(server: Server, deps: StaffDeps): void {
  const { services, desk, audit } = deps;

  const answer = (res: Response, result: DeskResult, ok: (t: Ticket) => unknown) => {
    if (result.ok) return void res.send(200, ok(result.ticket));
    if (result.problem === 'template') return void res.send(202, { delivered: false, templateSent: true, note: result.message });
    res.send(STATUS_OF[result.problem], {
      error: result.message,
      ...(result.problem === 'taken' && result.ticket && { claimedBy: result.ticket.claimedBy?.name }),
    });
  };
  const id = (req: Request) => String(req.params.id ?? '');
  const takeOver = (req: Request) => req.body?.takeOver === true;

  server.get('/api/staff/handoffs', async (req, res) => {
    const staff = requireStaff(req, res);
    if (!staff) return;
    const status = req.query?.status as string | undefined;
    if (status !== undefined && !STATUSES.includes(status as TicketStatus)) {
      return void res.send(400, { error: 'status must be open, claimed or closed.' });
    }
    const tickets = await services.tickets.list(status as TicketStatus | undefined);
    res.send(200, { handoffs: tickets.map((t) => view(t, staff, false)) });
  });

  server.get('/api/staff/handoffs/:id', async (req, res) => {
    const staff = requireStaff(req, res);
    if (!staff) return;
    const ticket = await services.tickets.get(id(req));
    if (!ticket) return void res.send(404, { error: 'No ticket with this id.' });
    res.send(200, { ...view(ticket, staff, true), audit: await audit.forTicket(ticket.id) });
  });

  server.post('/api/staff/handoffs/:id/claim', async (req, res) => {
    const staff = requireStaff(req, res);
    if (!staff) return;
    answer(res, await desk.claim(id(req), staff, takeOver(req)), (t) => view(t, staff, false));
  });

  server.post('/api/staff/handoffs/:id/close', async (req, res) => {
    const staff = requireStaff(req, res);
    if (!staff) return;
    answer(res, await desk.close(id(req), staff), (t) => view(t, staff, false));
  });

  server.post('/api/staff/handoffs/:id/messages', async (req, res) => {
    const staff = requireStaff(req, res);
    if (!staff) return;
    const text = typeof req.body?.text === 'string' ? req.body.text.trim() : '';
    if (!text) return void res.send(400, { error: 'Send {"text": "..."} with the message for the person.' });
    if (text.length > MAX_STAFF_MESSAGE) return void res.send(400, { error: `The message is longer than ${MAX_STAFF_MESSAGE} characters.` });
    answer(res, await desk.reply(id(req), staff, text, takeOver(req)), (t) => ({ delivered: true, lines: t.transcript.length }));
  });

  server.get('/api/staff/unanswered', async (req, res) => {
    if (!requireStaff(req, res)) return;
    res.send(200, { unanswered: await services.unanswered.list() });
  });
}
