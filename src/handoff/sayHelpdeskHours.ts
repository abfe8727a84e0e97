import type { Translate } from '../i18n/i18n';
import type { Lang } from '../knowledge/types';
import type { HelpdeskHours, HelpdeskSlot } from './HelpdeskHours';

/** 7 January 2024 was a Sunday: day n of the week is this date plus n days. */
const A_SUNDAY = Date.UTC(2024, 0, 7, 12);
const DAY_MS = 24 * 60 * 60 * 1000;

function dayName(lang: Lang, day: number): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(A_SUNDAY + day * DAY_MS);
}

function clock(lang: Lang, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1, h, m));
}

/** "Central European Time", « heure d’Europe centrale », "hora de Europa central". */
function zoneName(lang: Lang, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(A_SUNDAY);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

function saySlot(slot: HelpdeskSlot, lang: Lang, t: Translate): string {
  const one = (day: number) => t('helpdesk.hours.oneDay', { day: dayName(lang, day) });
  const days =
    slot.days.length >= 3
      ? t('helpdesk.hours.dayRange', { from: dayName(lang, slot.days[0]!), to: dayName(lang, slot.days[slot.days.length - 1]!) })
      : new Intl.ListFormat(lang, { type: 'conjunction' }).format(slot.days.map(one));
  const times = t('helpdesk.hours.times', { opens: clock(lang, slot.opens), closes: clock(lang, slot.closes) });
  return t('helpdesk.hours.slot', { days, times });
}

/**
 * The helpdesk's hours said in the person's language, with that language's day names, clock and
 * time-zone name: "Monday to Friday, 9:00 AM–5:00 PM (Central European Time)",
 * « du lundi au vendredi, de 9:00 à 17:00 (heure d’Europe centrale) ».
 */
export function sayHelpdeskHours(hours: HelpdeskHours, lang: Lang, t: Translate): string {
  const slots = new Intl.ListFormat(lang, { type: 'conjunction' }).format(hours.slots.map((s) => saySlot(s, lang, t)));
  return t('helpdesk.hours.all', { slots, zone: zoneName(lang, hours.timeZone) });
}
