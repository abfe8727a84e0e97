import { randomUUID } from 'node:crypto';
import type { ChannelKind } from '../channels/channelKind';
import type { Lang } from '../knowledge/types';
import type { Day } from '../usage/day';
import type { InsightsDb, Reason, Vote } from './feedbackTables';

/** What is kept of one vote: never the person's words, never who they are. */
export interface NewVote {
  day: Day;
  entryId: string;
  lang: Lang;
  channel: ChannelKind;
  vote: Vote;
}

/**
 * Votes on answers. Each vote is one row with a random id that the conversation keeps, so a reason
 * given one tap later, or a change of mind, updates that row instead of counting twice.
 */
export class FeedbackStore {
  constructor(private readonly db: InsightsDb) {}

  /** Stores a new vote and returns its id. */
  async add(vote: NewVote): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto('feedback_votes')
      .values({ id, day: vote.day, entry_id: vote.entryId, lang: vote.lang, channel: vote.channel, vote: vote.vote, reason: null })
      .execute();
    return id;
  }

  /** The person changed their mind: the vote flips and a reason given for the old vote no longer holds. */
  async change(id: string, vote: Vote): Promise<void> {
    await this.db.updateTable('feedback_votes').set({ vote, reason: null }).where('id', '=', id).execute();
  }

  /** What was wrong with an answer voted down. */
  async giveReason(id: string, reason: Reason): Promise<void> {
    await this.db.updateTable('feedback_votes').set({ reason }).where('id', '=', id).where('vote', '=', 'down').execute();
  }

  /** Deletes votes from before `day` (retention); returns how many. */
  async purgeBefore(day: Day): Promise<number> {
    const result = await this.db.deleteFrom('feedback_votes').where('day', '<', day).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
