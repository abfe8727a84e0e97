import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema';
import type { StaffIdentity, StaffVia } from './StaffIdentity';

/** A session's last use is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

const hash = (value: string) => createHash('sha256').update(value).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

/** A live console session: who it is and the token its POSTs must carry. */
export interface StaffSession {
  staff: StaffIdentity;
  csrfToken: string;
}

/**
 * Console sessions in the shared database, so any bot instance recognises them. The cookie holds
 * a random id; the table only its SHA-256, so a copy of the database opens no session. A session
 * ends after `idleMinutes` unused or `maxHours` in all.
 */
export class StaffSessions {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly limits: { idleMinutes: number; maxHours: number },
  ) {}

  /** Starts a session; returns the cookie value (shown once, never stored). */
  async create(staff: StaffIdentity): Promise<string> {
    const id = secret();
    const now = new Date().toISOString();
    await this.purge();
    await this.db
      .insertInto('staff_sessions')
      .values({
        id_hash: hash(id),
        staff_key: staff.key,
        name: staff.name,
        email: staff.email ?? null,
        via: staff.via,
        csrf_token: secret(),
        created_at: now,
        last_seen_at: now,
      })
      .execute();
    return id;
  }

  /** The session for this cookie value, if it exists and has not expired (its use is recorded). */
  async find(cookieValue: string): Promise<StaffSession | undefined> {
    const row = await this.db.selectFrom('staff_sessions').selectAll().where('id_hash', '=', hash(cookieValue)).executeTakeFirst();
    if (!row) return undefined;
    const now = Date.now();
    const idleFor = now - Date.parse(row.last_seen_at);
    if (idleFor > this.limits.idleMinutes * 60_000 || now - Date.parse(row.created_at) > this.limits.maxHours * 3_600_000) {
      await this.db.deleteFrom('staff_sessions').where('id_hash', '=', row.id_hash).execute();
      return undefined;
    }
    if (idleFor > TOUCH_EVERY_MS) {
      await this.db.updateTable('staff_sessions').set({ last_seen_at: new Date(now).toISOString() }).where('id_hash', '=', row.id_hash).execute();
    }
    return {
      staff: { key: row.staff_key, name: row.name, ...(row.email && { email: row.email }), via: row.via as StaffVia },
      csrfToken: row.csrf_token,
    };
  }

  async end(cookieValue: string): Promise<void> {
    await this.db.deleteFrom('staff_sessions').where('id_hash', '=', hash(cookieValue)).execute();
  }

  /** Drops sessions idle past the limit, so the table holds only live ones. */
  private async purge(): Promise<void> {
    const cutoff = new Date(Date.now() - this.limits.idleMinutes * 60_000).toISOString();
    await this.db.deleteFrom('staff_sessions').where('last_seen_at', '<', cutoff).execute();
  }
}
