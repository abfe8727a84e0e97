/** Days of the week as JavaScript numbers them (0 = Sunday). */
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** One stretch of opening: the same hours on a run of days (`mon-fri 09:00-17:00`). */
export interface HelpdeskSlot {
  /** Day numbers in order, 0 = Sunday; a range may wrap (`sat-mon`). */
  days: number[];
  /** "HH:MM", 24-hour clock, in `timeZone`. */
  opens: string;
  closes: string;
}

/** When staff usually answer, kept as data so each language can say it its own way. */
export interface HelpdeskHours {
  slots: HelpdeskSlot[];
  /** IANA time zone, e.g. "Europe/Zurich". */
  timeZone: string;
}

/** The format of `HELPDESK_HOURS`, for error messages and docs. */
export const HELPDESK_HOURS_FORMAT = 'days HH:MM-HH:MM[, days HH:MM-HH:MM…] Area/City, e.g. "mon-fri 09:00-17:00 Europe/Zurich"';

function dayNumber(name: string): number {
  const n = DAY_NAMES.indexOf(name.toLowerCase().slice(0, 3) as (typeof DAY_NAMES)[number]);
  if (n < 0 || name.length < 3) throw new Error(`"${name}" is not a day (mon, tue, wed, thu, fri, sat, sun)`);
  return n;
}

function days(spec: string): number[] {
  const [from, to] = spec.split('-');
  if (to === undefined) return [dayNumber(from!)];
  const start = dayNumber(from!);
  const end = dayNumber(to);
  const out = [start];
  for (let d = start; d !== end; ) out.push((d = (d + 1) % 7));
  return out;
}

function slot(text: string): HelpdeskSlot {
  const [daySpec, range, ...rest] = text.trim().split(/\s+/);
  const [opens, closes] = (range ?? '').split('-');
  if (!daySpec || rest.length > 0 || !opens || !closes || !TIME.test(opens) || !TIME.test(closes)) {
    throw new Error(`"${text.trim()}" is not "days HH:MM-HH:MM"`);
  }
  if (closes <= opens) throw new Error(`"${text.trim()}" closes before it opens`);
  return { days: days(daySpec), opens, closes };
}

/**
 * Reads `HELPDESK_HOURS` (see `HELPDESK_HOURS_FORMAT`): slots separated by commas, then the time
 * zone. Throws with a short reason when it cannot.
 */
export function parseHelpdeskHours(text: string): HelpdeskHours {
  const trimmed = text.trim();
  const cut = trimmed.lastIndexOf(' ');
  const timeZone = trimmed.slice(cut + 1);
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`"${timeZone}" is not a time zone (use an IANA name such as Europe/Zurich)`);
  }
  if (cut < 0) throw new Error('no opening hours before the time zone');
  return { slots: trimmed.slice(0, cut).split(',').map(slot), timeZone };
}
