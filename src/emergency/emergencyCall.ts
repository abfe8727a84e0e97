import type { Turn } from '../bot/Turn';
import { countryNamedIn } from '../text/placeNames';
import type { CountryNumbers, EmergencyNumbers } from './EmergencyNumbers';

/** How many recent lines of the person's own messages are searched for where they are. */
const RECENT_LINES = 10;

/**
 * What to dial, in the person's language: their country's numbers when it is known — they said
 * where they are (now or earlier in the conversation), or the platform's locale has a region
 * (es-MX, fr-MA) — else 112 and 911; a WhatsApp number's country code is only a hint (people keep
 * their home SIM), so that country's numbers come beside 112 and 911. `short` is for one line.
 */
export function emergencyCall(turn: Turn, numbers: EmergencyNumbers): { text: string; short: string } {
  const said = countryNamedIn(turn.text);
  if (said) turn.convo.country = said;
  const earlier = [...(turn.convo.transcript ?? [])].reverse().filter((l) => l.from === 'user').slice(0, RECENT_LINES);
  const named = said ?? turn.convo.country ?? earlier.map((l) => countryNamedIn(l.text)).find(Boolean);
  const region = /^[a-z]{2}[-_]([A-Za-z]{2})$/.exec(turn.ctx.activity.locale ?? '')?.[1];
  const country = numbers.forCountry(named) ?? numbers.forCountry(region);
  if (country) {
    const list = dialList(turn, country);
    return { text: turn.t('emergency.callCountry', { numbers: list, country: country.name[turn.lang] }), short: list };
  }
  const fallback = turn.t('emergency.anyNumber');
  const hint = turn.channel === 'whatsapp' ? numbers.forCountry(numbers.countryOfPhone(turn.ctx.activity.from?.id)) : undefined;
  if (hint) return { text: turn.t('emergency.callHint', { numbers: dialList(turn, hint), country: hint.name[turn.lang] }), short: fallback };
  return { text: turn.t('emergency.call'), short: fallback };
}

/** "911", or "the police on 110 or an ambulance on 123", in the person's language. */
function dialList(turn: Turn, c: CountryNumbers): string {
  const parts = c.general ? [turn.t('emergency.number.general', { number: c.general })] : [];
  for (const service of ['police', 'ambulance', 'fire'] as const) {
    const number = c[service];
    if (number && number !== c.general) parts.push(turn.t(`emergency.number.${service}`, { number }));
  }
  return parts.join(turn.t('emergency.or'));
}
