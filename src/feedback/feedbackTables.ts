import type { Kysely } from 'kysely';

/** Why a person found an answer unhelpful (one tap after 👎). */
export const REASONS = ['not-my-question', 'not-clear', 'out-of-date'] as const;
export type Reason = (typeof REASONS)[number];
export type Vote = 'up' | 'down';

/**
 * One vote on one answer. No text, no user id: a random id (so the reason given one tap later can be
 * attached to the same vote), the day, the entry, the language and the kind of channel.
 */
export interface FeedbackVoteTable {
  id: string;
  day: string;
  entry_id: string;
  lang: string;
  channel: string;
  vote: Vote;
  reason: Reason | null;
}

/** A real question (masked) that "did you mean" resolved to an entry: a candidate alternate. */
export interface SuggestionTable {
  key: string;
  entry_id: string;
  lang: string;
  text: string;
  count: number;
  last_seen: string;
}

/** How often each entry was given as an answer, per day, language and channel kind. */
export interface EntryAnswersTable {
  day: string;
  entry_id: string;
  lang: string;
  channel: string;
  count: number;
}

/** Counts of turns and outcomes per day, language and channel kind. */
export interface UsageDailyTable {
  day: string;
  lang: string;
  channel: string;
  turns: number;
  answers: number;
  clarifications: number;
  fallbacks: number;
  handoffs: number;
  emergencies: number;
}

/** Who wrote on a day, as a hash keyed by that day's salt (unlinkable once the salt is gone). */
export interface UsageVisitorTable {
  day: string;
  lang: string;
  channel: string;
  kind: 'person' | 'conversation';
  hash: string;
}

/** Today's random salt for visitor hashes; earlier days' salts are deleted. */
export interface UsageSaltTable {
  day: string;
  salt: string;
}

/** The tables of migration `007_feedback`, added to the shared database with `db.withTables`. */
export type InsightTables = {
  feedback_votes: FeedbackVoteTable;
  knowledge_suggestions: SuggestionTable;
  entry_answers: EntryAnswersTable;
  usage_daily: UsageDailyTable;
  usage_visitors: UsageVisitorTable;
  usage_salts: UsageSaltTable;
};

export type InsightsDb = Kysely<InsightTables>;

/** The usage counters, in the order the API and CSV list them. */
export const USAGE_COUNTS = ['turns', 'answers', 'clarifications', 'fallbacks', 'handoffs', 'emergencies'] as const;
export type UsageCount = (typeof USAGE_COUNTS)[number];
