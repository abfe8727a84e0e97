import type { Turn, TurnHandler } from '../bot/Turn';
import type { Choice } from '../reply';
import { detectDanger } from './detectDanger';
import type { DangerKind } from './dangerPhrases';

export interface EmergencyHooks {
  /** Counts danger signs by kind (metrics). */
  count?(kind: DangerKind): void;
  /** Called when danger signs are seen (e.g. to open an urgent ticket); returns choices to offer. */
  onDanger?(turn: Turn, kind: DangerKind): Promise<Choice[]> | Choice[];
}

/**
 * Runs first, on every message, whatever else is going on (a newsletter flow, an open ticket):
 * a message with danger signs gets the emergency numbers at once, in the person's language.
 */
export function emergencyHandler(hooks: EmergencyHooks = {}): TurnHandler {
  return {
    name: 'emergency',
    async handle(turn) {
      const kind = detectDanger(turn.text);
      if (!kind) return false;
      hooks.count?.(kind);
      const choices = (await hooks.onDanger?.(turn, kind)) ?? [];
      turn.say({
        kind: 'emergency',
        title: turn.t('emergency.title'),
        text: [turn.t(`emergency.${kind}`), turn.t('emergency.call')].join('\n\n'),
        choices: choices.length ? choices : undefined,
      });
      return true;
    },
  };
}
