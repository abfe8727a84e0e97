import type { LexiconFile } from './knowledgeSchema';

/** The three languages the bot speaks. Order matters: the first is the fallback. */
export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Lang = (typeof LANGUAGES)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The requests the bot acts on. The code does each action; `knowledge/{lang}/actions.yaml` says how
 * people ask for it.
 */
export const ACTION_IDS = [
  'subscribe', 'subscribe-here', 'subscribe-by-email', 'unsubscribe', 'forget-me', 'talk-to-person', 'back-to-bot',
  'switch-to-english', 'switch-to-french', 'switch-to-spanish',
  'help', 'topic-menu', 'cancel', 'greeting', 'thanks', 'bye', 'how-are-you', 'none-of-these', 'yes', 'no',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

export function isActionId(value: string): value is ActionId {
  return (ACTION_IDS as readonly string[]).includes(value);
}

/** One knowledge-base answer in one language. The `id` is shared by the three languages. */
export interface KnowledgeEntry {
  kind: 'answer';
  id: string;
  lang: Lang;
  topic: string;
  question: string;
  alternates: string[];
  answer: string;
  source: string;
  reviewed: string;
  /** The answer depends on the person: it says who decides, and the bot offers a person. */
  personal: boolean;
  tags: string[];
  related: string[];
  /** Where the entry was read from, for error messages: `knowledge/en/iom.yaml:12`. */
  origin: string;
}

/** A request the bot acts on, with the ways people ask for it, in one language. */
export interface ActionEntry {
  kind: 'action';
  id: ActionId;
  lang: Lang;
  /** Short name, on a "did you mean" button. */
  label: string;
  examples: string[];
  origin: string;
}

/** Something people ask that the bot does not cover: a kind reply that says so and offers a person. */
export interface ReferralEntry {
  kind: 'referral';
  id: string;
  lang: Lang;
  label: string;
  reply: string;
  examples: string[];
  origin: string;
}

/** Anything the understanding can rank. */
export type UnderstoodEntry = KnowledgeEntry | ActionEntry | ReferralEntry;

/** A theme of the topic menu: its title and entry ids, in order. */
export interface Theme {
  id: string;
  title: Record<Lang, string>;
  entries: string[];
}

/** The whole knowledge base, by language and id. */
export interface KnowledgeBase {
  entries: Record<Lang, Map<string, KnowledgeEntry>>;
  actions: Record<Lang, Map<ActionId, ActionEntry>>;
  referrals: Record<Lang, Map<string, ReferralEntry>>;
  lexicon: Record<Lang, LexiconFile>;
  /** The topic menu: themes, each with its entries. */
  themes: Theme[];
}

export type ConfidenceBand = 'high' | 'medium' | 'low' | 'none';

export interface SearchCandidate {
  id: string;
  kind: UnderstoodEntry['kind'];
  /** 0..1, comparable across queries. */
  score: number;
}

export interface SearchResult {
  candidates: SearchCandidate[];
  band: ConfidenceBand;
  /** The other organisations (`Lexicon.names`) the message names, when it names any. */
  names?: readonly string[];
}

/** What `understand` decides; the bot turns it into words (i18n) or into an action. */
export type Understanding =
  | { kind: 'answer'; entry: KnowledgeEntry; score: number; band: ConfidenceBand }
  | { kind: 'action'; action: ActionId; score: number; band: ConfidenceBand }
  /**
   * `related`: the general answer closest to the message, if close enough to be offered ("my X-ray
   * came back with a spot, will they refuse my visa?" is referred as one's own case, and offered
   * what happens when an X-ray shows something).
   */
  | { kind: 'referral'; entry: ReferralEntry; score: number; band: ConfidenceBand; related?: KnowledgeEntry }
  | { kind: 'clarify'; candidates: UnderstoodEntry[]; band: ConfidenceBand }
  | { kind: 'unknown'; band: ConfidenceBand };
