import { addDays, type Day, daysBetween, isDay } from './day';

/** Reports cover this many days (today included) unless `from` says otherwise. */
export const DEFAULT_RANGE_DAYS = 30;
/** The longest range a report may cover: ten years. */
export const MAX_RANGE_DAYS = 3660;

/** Inclusive range of UTC days, and the day it was asked on. */
export interface DayRange {
  from: Day;
  to: Day;
  today: Day;
}

/**
 * Reads `?from=&to=` (`YYYY-MM-DD`, both optional): `to` defaults to today, `from` to 29 days before
 * `to`. Returns a short reason instead when the values are not days or not in order.
 */
export function parseDayRange(query: { from?: unknown; to?: unknown }, today: Day): DayRange | { error: string } {
  const given = (value: unknown) => (value === undefined || value === '' ? undefined : String(value));
  const to = given(query.to) ?? today;
  const bad = { error: 'from and to must be days written YYYY-MM-DD.' };
  if (!isDay(to)) return bad;
  const from = given(query.from) ?? addDays(to, 1 - DEFAULT_RANGE_DAYS);
  if (!isDay(from)) return bad;
  if (from > to) return { error: 'from must not be after to.' };
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) return { error: `A range may cover at most ${MAX_RANGE_DAYS} days.` };
  return { from, to, today };
}
