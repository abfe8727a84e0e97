import { BotState, type Storage, type TurnContext } from 'botbuilder';
import type { JsonDocuments } from '../storage/JsonDocuments';

/** Where a state document lives: the same keys as botbuilder's `ConversationState` and `UserState`. */
export type StateKeyOf = (ctx: TurnContext) => string;

export const conversationKey: StateKeyOf = (ctx) => {
  const { channelId, conversation } = ctx.activity;
  if (!channelId || !conversation?.id) throw new Error('the activity names no channel or conversation');
  return `${channelId}/conversations/${conversation.id}/`;
};

export const userKey: StateKeyOf = (ctx) => {
  const { channelId, from } = ctx.activity;
  if (!channelId || !from?.id) throw new Error('the activity names no channel or sender');
  return `${channelId}/users/${from.id}/`;
};

/** The storage's own JSON access, or one built on its `read`/`write` (e.g. botbuilder's `MemoryStorage` in tests). */
function jsonDocumentsOf(storage: Storage): JsonDocuments {
  const own = storage as Partial<JsonDocuments>;
  if (typeof own.readJson === 'function' && typeof own.writeJson === 'function') return own as JsonDocuments;
  return {
    async readJson(keys) {
      const items = await storage.read(keys);
      const docs = new Map<string, string>();
      for (const [key, item] of Object.entries(items)) {
        const { eTag: _eTag, ...doc } = item as { eTag?: string };
        docs.set(key, JSON.stringify(doc));
      }
      return docs;
    },
    async writeJson(docs) {
      await storage.write(Object.fromEntries([...docs].map(([key, json]) => [key, { ...JSON.parse(json), eTag: '*' }])));
    },
  };
}

interface Cached {
  key: string;
  state: Record<string, unknown>;
  /** The state as JSON when loaded or last saved: it is written again only if that changed. */
  saved: string;
}

/**
 * Bot Framework state (`ConversationState`, `UserState`) with a cheaper change check and batched
 * storage access. botbuilder's `BotState` hashes the whole document with SHA-256 over a
 * replacer-driven stringify three times per turn; here a document is parsed once from the JSON
 * the database holds, and compared with that JSON when the turn ends. `loadAll` and `saveAll`
 * read and write several states in one storage call, so a turn costs one read and at most one
 * write (`StateMiddleware` calls them).
 *
 * Writes are last-writer-wins (`eTag: '*'`), as with `BotState`.
 */
export class JsonBotState extends BotState {
  private readonly cache = Symbol('state');
  private readonly docs: JsonDocuments;

  constructor(
    storage: Storage,
    private readonly keyOf: StateKeyOf,
  ) {
    super(storage, async (ctx) => keyOf(ctx));
    this.docs = jsonDocumentsOf(storage);
  }

  override async load(ctx: TurnContext, force = false): Promise<any> {
    if (force) ctx.turnState.delete(this.cache);
    await JsonBotState.loadAll(ctx, [this]);
    return this.cached(ctx)!.state;
  }

  override async saveChanges(ctx: TurnContext, force = false): Promise<void> {
    await JsonBotState.saveAll(ctx, [this], force);
  }

  override async clear(ctx: TurnContext): Promise<void> {
    this.remember(ctx, this.keyOf(ctx), undefined).saved = '';
  }

  override async delete(ctx: TurnContext): Promise<void> {
    ctx.turnState.delete(this.cache);
    await this.storage.delete([this.keyOf(ctx)]);
  }

  override get(ctx: TurnContext): any {
    return this.cached(ctx)?.state;
  }

  /** Loads every state not loaded yet in one storage read. */
  static async loadAll(ctx: TurnContext, states: readonly JsonBotState[]): Promise<void> {
    const missing = states.filter((s) => !s.cached(ctx));
    if (missing.length === 0) return;
    const keys = missing.map((s) => s.keyOf(ctx));
    const docs = await missing[0]!.docs.readJson(keys);
    missing.forEach((s, i) => s.remember(ctx, keys[i]!, docs.get(keys[i]!)));
  }

  /** Writes every changed state (with `force`, every loaded one) in one storage write; states must share one storage. */
  static async saveAll(ctx: TurnContext, states: readonly JsonBotState[], force = false): Promise<void> {
    const changes = states.map((s) => s.change(ctx, force)).filter((c) => c !== undefined);
    if (changes.length === 0) return;
    await states[0]!.docs.writeJson(new Map(changes.map((c) => [c.cached.key, c.json])));
    for (const c of changes) c.cached.saved = c.json;
  }

  private cached(ctx: TurnContext): Cached | undefined {
    return ctx.turnState.get(this.cache);
  }

  private remember(ctx: TurnContext, key: string, json: string | undefined): Cached {
    const cached: Cached = { key, state: json ? JSON.parse(json) : {}, saved: json ?? '{}' };
    ctx.turnState.set(this.cache, cached);
    return cached;
  }

  private change(ctx: TurnContext, force: boolean): { cached: Cached; json: string } | undefined {
    const cached = this.cached(ctx);
    if (!cached) return undefined;
    const json = JSON.stringify(cached.state);
    if (!force && json === cached.saved) return undefined;
    return { cached, json };
  }
}
