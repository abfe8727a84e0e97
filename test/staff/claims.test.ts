import assert from 'node:assert/strict';
import { MemoryTicketStore } from '../../src/handoff/MemoryTicketStore';
import { SqlTicketStore } from '../../src/handoff/SqlTicketStore';
import type { TicketStore } from '../../src/handoff/Ticket';
import { openDatabase } from '../../src/storage/openDatabase';
import { freshPostgresSchema, requirePostgres } from '../support/databases';

const newTicket = () => ({
  reference: { conversation: { id: 'c' } } as never, channel: 'emulator', lang: 'en' as const, urgency: 'normal' as const,
  transcript: [{ from: 'user' as const, text: 'talk to a person', at: new Date().toISOString() }], userKey: 'u',
});
const MARIE = { key: 'aad:marie', name: 'Marie Curie' };
const ANA = { key: 'aad:ana', name: 'Ana García' };

/** Claims on any store: one winner, the other told who has it, take-over on request, never a closed ticket. */
async function claimsBehave(tickets: TicketStore): Promise<void> {
  const { id } = await tickets.create(newTicket());
  const [first, second] = await Promise.all([tickets.claim(id, MARIE, false), tickets.claim(id, ANA, false)]);
  const outcomes = [first.outcome, second.outcome].sort();
  assert.deepEqual(outcomes, ['claimed', 'taken'], 'exactly one of two simultaneous claims wins');
  const winner = first.outcome === 'claimed' ? MARIE : ANA;
  const loser = winner === MARIE ? ANA : MARIE;
  assert.equal((await tickets.get(id))?.claimedBy?.name, winner.name);
  const again = await tickets.claim(id, winner, false);
  assert.ok(again.outcome === 'claimed' && !again.changed, 'claiming one\'s own ticket again changes nothing');
  const over = await tickets.claim(id, loser, true);
  assert.ok(over.outcome === 'claimed' && over.changed && over.ticket.claimedBy?.name === loser.name, 'a take-over moves it');
  await tickets.setStatus(id, 'closed');
  assert.equal((await tickets.claim(id, winner, true)).outcome, 'closed');
  assert.equal((await tickets.claim('NOSUCH', winner, false)).outcome, 'missing');
}

describe('claiming a ticket', () => {
  it('has one winner in memory', () => claimsBehave(new MemoryTicketStore()));

  it('has one winner on SQLite', async () => {
    const { db } = await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: undefined });
    await claimsBehave(new SqlTicketStore(db, false));
    await db.destroy();
  });

  it('has one winner on PostgreSQL', async function () {
    requirePostgres(this);
    const schema = await freshPostgresSchema();
    const { db } = await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: schema.url });
    try {
      await claimsBehave(new SqlTicketStore(db, true));
    } finally {
      await db.destroy();
      await schema.drop();
    }
  });
});
