import type { EmergencyHooks } from '../emergency/emergencyHandler';
import { countInTurn } from './usageTally';

/** Adds the usage count of emergencies to the emergency hooks (the given hooks still run). */
export function countEmergencies(hooks: EmergencyHooks): EmergencyHooks {
  return {
    ...hooks,
    onDanger(turn, kind) {
      countInTurn(turn.ctx, 'emergencies');
      return hooks.onDanger?.(turn, kind) ?? [];
    },
  };
}
