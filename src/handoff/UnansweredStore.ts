import type { Lang } from '../knowledge/types';
import { maskPersonalData } from '../privacy/maskPersonalData';
import { foldText } from '../text/foldText';

/** A question the bot could not answer, grouped with the ones that read the same after normalisation. */
export interface UnansweredQuestion {
  /** Masked text of the latest asking. */
  text: string;
  lang: Lang;
  count: number;
  lastSeen: string;
}

export interface UnansweredStore {
  record(text: string, lang: Lang): Promise<void>;
  /** Most asked first. */
  list(): Promise<UnansweredQuestion[]>;
}

/** The grouping key: masked, folded text (case, accents, punctuation and invisible characters ignored). */
export function unansweredKey(text: string, lang: Lang): string {
  return `${lang}:${foldText(maskPersonalData(text))}`;
}

/** Unanswered questions in memory (tests, single process). */
export class MemoryUnansweredStore implements UnansweredStore {
  private readonly questions = new Map<string, UnansweredQuestion>();

  async record(text: string, lang: Lang): Promise<void> {
    const key = unansweredKey(text, lang);
    const masked = maskPersonalData(text).slice(0, 500);
    const existing = this.questions.get(key);
    this.questions.set(key, { text: masked, lang, count: (existing?.count ?? 0) + 1, lastSeen: new Date().toISOString() });
  }

  async list(): Promise<UnansweredQuestion[]> {
    return [...this.questions.values()].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
  }
}
