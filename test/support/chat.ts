import { type Activity, MemoryStorage, type Storage, TestAdapter } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { BotServices } from '../../src/bot/BotServices';
import { type BotApp, createBot } from '../../src/bot/createBot';
import { wireAdapter } from '../../src/bot/wireAdapter';
import { type Config, loadConfig } from '../../src/config';
import { createI18n } from '../../src/i18n/i18n';
import { BOT_LABEL_CHARS, buildDangerDetector } from '../../src/emergency/buildDangerDetector';
import { EmergencyNumbers } from '../../src/emergency/EmergencyNumbers';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import { SearchIndex } from '../../src/knowledge/SearchIndex';
import { createLogger } from '../../src/log';
import { SubscriptionStore } from '../../src/newsletter/SubscriptionStore';
import { openDatabase } from '../../src/storage/openDatabase';
import { MemoryTicketStore } from '../../src/handoff/MemoryTicketStore';
import { MemoryUnansweredStore } from '../../src/handoff/UnansweredStore';

let shared: BotServices | undefined;

/** The real knowledge base, locales and default config, built once per test run. */
export function testServices(env: Record<string, string> = {}): BotServices {
  if (!shared || Object.keys(env).length > 0) {
    const config: Readonly<Config> = loadConfig({ LOG_LEVEL: 'silent', ...env });
    const kb = shared?.kb ?? loadKnowledge(config.KNOWLEDGE_DIR);
    const services: BotServices = {
      config,
      kb,
      index: shared?.index ?? SearchIndex.build(kb),
      danger: shared?.danger ?? buildDangerDetector(config.KNOWLEDGE_DIR, kb, createI18n(config.LOCALES_DIR).shortStrings(BOT_LABEL_CHARS)),
      emergencyNumbers: shared?.emergencyNumbers ?? EmergencyNumbers.load(config.KNOWLEDGE_DIR),
      i18n: shared?.i18n ?? createI18n(config.LOCALES_DIR),
      logger: createLogger('silent'),
      tickets: new MemoryTicketStore(),
      unanswered: new MemoryUnansweredStore(),
    };
    if (Object.keys(env).length > 0) return services;
    shared = services;
  }
  return shared;
}

export interface ChatOptions {
  channelId?: string;
  locale?: string;
  services?: BotServices;
  storage?: Storage;
  /** Reuse a user id (same person, new conversation). */
  userId?: string;
  isGroup?: boolean;
}

/**
 * A person chatting with the whole bot (same middleware and handlers as production) through
 * botbuilder's TestAdapter. Reads like a chat:
 *   const user = await chatWithBot();
 *   await user.send('what is IOM');
 *   assert.match(user.lastText, /1951/);
 */
export class ChatUser {
  readonly adapter: TestAdapter;
  readonly app: BotApp;
  /** The bot's replies to the last message sent (messages only). */
  replies: Partial<Activity>[] = [];
  /** Everything the bot sent in the last turn, events included. */
  sent: Partial<Activity>[] = [];
  readonly history: Partial<Activity>[] = [];

  constructor(private readonly options: ChatOptions & { services: BotServices; storage: Storage }) {
    this.app = createBot(options.services, options.storage);
    const conversationId = randomUUID();
    this.adapter = new TestAdapter(async (ctx) => this.app.bot.run(ctx), {
      channelId: options.channelId ?? 'test',
      locale: options.locale,
      conversation: { id: conversationId, isGroup: options.isGroup ?? false, name: 'test', conversationType: 'personal' },
      user: { id: options.userId ?? `user-${randomUUID()}`, name: 'Test user' },
      bot: { id: 'bot', name: 'Bot' },
      serviceUrl: 'http://localhost/test',
    } as never);
    wireAdapter(this.adapter, this.app, options.services);
  }

  /** Sends a message as the person and collects the bot's replies. */
  async send(text: string, extra: Partial<Activity> = {}): Promise<Partial<Activity>[]> {
    return this.deliver({ type: 'message', text, locale: this.options.locale, ...extra });
  }

  /** Joins the conversation (the bot says hello). */
  async join(): Promise<Partial<Activity>[]> {
    const ref = this.adapter.conversation;
    return this.deliver({
      type: 'conversationUpdate',
      membersAdded: [{ id: ref.user?.id ?? "user", name: 'Test user' }],
      locale: this.options.locale,
    });
  }

  async deliver(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    this.adapter.activeQueue.splice(0);
    await this.adapter.processActivity(activity);
    this.sent = this.adapter.activeQueue.splice(0);
    this.replies = this.sent.filter((a) => a.type === 'message');
    this.history.push(...this.replies);
    return this.replies;
  }

  /** All reply texts of the last message, joined. */
  get text(): string {
    return this.replies.map(textOf).join('\n');
  }

  get last(): Partial<Activity> | undefined {
    return this.replies[this.replies.length - 1];
  }

  get lastText(): string {
    return this.last ? textOf(this.last) : '';
  }

  /** Titles of the buttons or suggested actions in the last replies. */
  get choices(): string[] {
    return this.replies.flatMap((a) => (a.suggestedActions?.actions ?? []).map((x) => String(x.title)));
  }

  get locales(): string[] {
    return this.replies.map((a) => String(a.locale));
  }
}

/** Everything visible in an activity as text: its text plus card texts, for assertions. */
export function textOf(activity: Partial<Activity>): string {
  const cards = (activity.attachments ?? []).map((a) => JSON.stringify(a.content ?? ''));
  return [activity.text ?? '', ...cards].join('\n');
}

/**
 * A chat with the whole bot. Unless the services given have one, each chat gets its own newsletter
 * store on a fresh in-memory SQLite database.
 */
export async function chatWithBot(options: ChatOptions = {}): Promise<ChatUser> {
  let services = options.services ?? testServices();
  if (!services.subscriptions) {
    const { db } = await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: undefined });
    services = { ...services, subscriptions: new SubscriptionStore(db) };
  }
  return new ChatUser({ ...options, services, storage: options.storage ?? new MemoryStorage() });
}
