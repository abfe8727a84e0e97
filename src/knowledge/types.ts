/** The three languages the bot speaks. Order matters: the first is the fallback. */
export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Lang = (typeof LANGUAGES)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** One knowledge-base entry in one language. The `id` is shared by the three languages. */
export interface KnowledgeEntry {
  id: string;
  lang: Lang;
  topic: string;
  question: string;
  alternates: string[];
  answer: string;
  source: string;
  reviewed: string;
  tags: string[];
  related: string[];
  /** Where the entry was read from, for error messages: `knowledge/en/iom.yaml:12`. */
  origin: string;
}

/** The whole knowledge base: entry by language and id, plus the ids shown in the topic menu. */
export interface KnowledgeBase {
  entries: Record<Lang, Map<string, KnowledgeEntry>>;
  /** Ids offered in the welcome/topic menu, in order. */
  menu: string[];
}

export type ConfidenceBand = 'high' | 'medium' | 'low' | 'none';

export interface SearchCandidate {
  id: string;
  /** 0..1, comparable across queries. */
  score: number;
}

export interface SearchResult {
  candidates: SearchCandidate[];
  band: ConfidenceBand;
}

/** What `answerQuestion` decides; renderers turn it into words via i18n. */
export type AnswerOutcome =
  | { kind: 'answer'; entry: KnowledgeEntry; score: number; band: ConfidenceBand }
  | { kind: 'clarify'; candidates: KnowledgeEntry[]; band: ConfidenceBand }
  | { kind: 'unknown'; band: ConfidenceBand };
