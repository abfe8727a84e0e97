import type { TurnContext } from 'botbuilder';
import type { UsageCount } from '../feedback/feedbackTables';

/** Key under which `UsageMiddleware` leaves the current turn's tally in `context.turnState`. */
export const TURN_USAGE = Symbol('migration-health.usage');

/** What happened in one turn, filled in by hooks and written by `UsageMiddleware` when the turn ends. */
export interface TurnTally {
  counts: Partial<Record<UsageCount, number>>;
  /** Entries given as answers. */
  entries: string[];
}

/**
 * Counts something for this turn's usage report. Does nothing when usage is not collected (no
 * middleware), so hooks may call it unconditionally.
 */
export function countInTurn(ctx: TurnContext, what: UsageCount, entryId?: string): void {
  const tally = ctx.turnState.get(TURN_USAGE) as TurnTally | undefined;
  if (!tally) return;
  tally.counts[what] = (tally.counts[what] ?? 0) + 1;
  if (entryId) tally.entries.push(entryId);
}
