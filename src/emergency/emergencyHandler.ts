import type { Turn, TurnHandler } from '../bot/Turn';
import type { Choice } from '../reply';
import type { DangerKind } from './dangerExamples';
import type { DangerDetector } from './DangerDetector';
import { emergencyCall } from './emergencyCall';
import type { EmergencyNumbers } from './EmergencyNumbers';

export interface EmergencyHooks {
  /** Counts danger signs by kind and language (metrics). */
  count?(kind: DangerKind, lang: string): void;
  /** Counts messages with weak danger signs that got the safety-net line. */
  countSafetyNet?(lang: string): void;
  /** Called when danger signs are seen (e.g. to open an urgent ticket); returns choices to offer. */
  onDanger?(turn: Turn, kind: DangerKind): Promise<Choice[]> | Choice[];
}

/**
 * Runs first, on every message, whatever else is going on (a newsletter flow, an open ticket).
 * A message from someone in danger gets at once, in their language, what to do for that kind of
 * danger and the emergency number (their country's when known) with a one-tap offer of a person.
 * A message the detector is unsure about gets its ordinary reply plus one line with the number.
 */
export function emergencyHandler(detector: DangerDetector, numbers: EmergencyNumbers, hooks: EmergencyHooks = {}): TurnHandler {
  return {
    name: 'emergency',
    async handle(turn) {
      const sign = detector.detect(turn.text);
      if (!sign) return false;
      const call = emergencyCall(turn, numbers);
      if (sign.level === 'unsure') {
        hooks.countSafetyNet?.(turn.lang);
        turn.footer.push({ kind: 'message', text: turn.t('emergency.safetyNet', { numbers: call.short }) });
        return false;
      }
      hooks.count?.(sign.kind, turn.lang);
      const choices = (await hooks.onDanger?.(turn, sign.kind)) ?? [];
      turn.say({
        kind: 'emergency',
        title: turn.t('emergency.title'),
        text: [turn.t(`emergency.${sign.kind}`), call.text].join('\n\n'),
        choices: choices.length ? choices : undefined,
      });
      return true;
    },
  };
}
