/** Keys under which middleware leaves per-turn facts in `context.turnState`. */
export const TURN_LANG = Symbol('migration-health.lang');
export const TURN_LANG_CHANGED = Symbol('migration-health.langChanged');
export const TURN_TRUNCATED = Symbol('migration-health.truncated');
