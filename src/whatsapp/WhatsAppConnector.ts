import { createHash } from 'node:crypto';
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { Kysely } from 'kysely';
import type { BotServices } from '../bot/BotServices';
import type { BotApp } from '../bot/createBot';
import { InProcessAdapter } from '../bot/InProcessAdapter';
import { NotDeliverableError, SentAsTemplateError } from '../bot/Proactive';
import { wireAdapter } from '../bot/wireAdapter';
import type { InFlight } from '../http/InFlight';
import { isLang } from '../knowledge/types';
import { errorSummary, hashId } from '../log';
import type { Database } from '../storage/schema';
import type { GraphClient } from './GraphClient';
import type { InboundMessage } from './parseWebhook';
import { toGraphMessages } from './toGraphMessages';

export const WHATSAPP_CHANNEL_ID = 'whatsapp';
/** WhatsApp's customer-service window: free-form messages only within 24 h of the person's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

const contactKey = (waId: string) => createHash('sha256').update(`wa:${waId}`).digest('hex');

export interface WhatsAppDeps {
  app: BotApp;
  services: BotServices;
  db: Kysely<Database>;
  graph: GraphClient;
  phoneNumberId: string;
  templateName?: string;
  inFlight: InFlight;
  now?: () => number;
}

/**
 * The built-in WhatsApp Cloud API connector: inbound messages become Bot Framework activities on
 * channel `whatsapp`, run through the same middleware and bot as every other channel; replies are
 * turned into Cloud API messages. Each message id is handled once (recorded in the database before
 * processing, so re-deliveries, restarts and other instances skip it).
 */
export class WhatsAppConnector {
  readonly adapter: InProcessAdapter;
  private readonly pending = new Set<Promise<void>>();
  private readonly now: () => number;

  constructor(private readonly deps: WhatsAppDeps) {
    this.now = deps.now ?? Date.now;
    const connector = this;
    const deliver = async (activities: Partial<Activity>[], reference: Partial<ConversationReference>) => {
      const to = reference.user?.id;
      if (!to) return;
      for (const activity of activities) {
        const lang = isLang(activity.locale) ? activity.locale : 'en';
        for (const message of toGraphMessages(activity, deps.services.i18n.t(lang, 'whatsapp.listButton'))) await deps.graph.send(to, message);
      }
    };
    class WhatsAppAdapter extends InProcessAdapter {
      override async continueConversation(reference: Partial<ConversationReference>, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
        await connector.beforeProactive(reference);
        return super.continueConversation(reference, logic);
      }
    }
    this.adapter = wireAdapter(new WhatsAppAdapter(deliver), deps.app, deps.services);
  }

  /** Starts processing a verified webhook's messages in the background (the webhook is answered at once). */
  accept(messages: InboundMessage[]): void {
    for (const message of messages) {
      this.deps.inFlight.begin();
      const job = this.process(message)
        .catch((err) => this.deps.services.logger.error({ err: errorSummary(err), conversation: hashId(message.from) }, 'whatsapp message failed'))
        .finally(() => {
          this.pending.delete(job);
          this.deps.inFlight.end();
        });
      this.pending.add(job);
    }
  }

  /** Resolves when every accepted message has been processed (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async process(message: InboundMessage): Promise<void> {
    const { db } = this.deps;
    const at = new Date(this.now()).toISOString();
    const inserted = await db.insertInto('whatsapp_messages').values({ message_id: message.id, received_at: at }).onConflict((oc) => oc.column('message_id').doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return; // already handled
    await db
      .insertInto('whatsapp_contacts')
      .values({ wa_key: contactKey(message.from), last_inbound_at: at })
      .onConflict((oc) => oc.column('wa_key').doUpdateSet({ last_inbound_at: at }))
      .execute();
    const activity: Partial<Activity> = {
      type: 'message',
      id: message.id,
      channelId: WHATSAPP_CHANNEL_ID,
      serviceUrl: 'https://whatsapp.invalid/',
      from: { id: message.from, name: '', role: 'user' },
      recipient: { id: this.deps.phoneNumberId, name: 'bot', role: 'bot' },
      conversation: { id: `wa:${this.deps.phoneNumberId}:${message.from}` } as Activity['conversation'],
      // Unsupported types arrive as an empty message: the bot says it reads text only.
      text: message.unsupported ? '' : (message.text ?? ''),
      // A template's quick-reply button says which update the person asked to read.
      ...(message.payload && { channelData: { payload: message.payload } }),
      timestamp: new Date(this.now()),
    };
    await this.adapter.processActivity(activity, (ctx) => this.deps.app.bot.run(ctx));
  }

  /** True while free-form messages may be sent: within 24 hours of the person's last message. */
  async inServiceWindow(waId: string): Promise<boolean> {
    const row = await this.deps.db.selectFrom('whatsapp_contacts').select('last_inbound_at').where('wa_key', '=', contactKey(waId)).executeTakeFirst();
    const last = row ? Date.parse(row.last_inbound_at) : 0;
    return this.now() - last <= SERVICE_WINDOW_MS;
  }

  /** Sends one Cloud API message as it is (a template, for updates outside the window). */
  async sendMessage(waId: string, message: Record<string, unknown>): Promise<void> {
    await this.deps.graph.send(waId, message);
  }

  /** Outside the 24-hour window, free text is not allowed: send the approved template, or refuse. */
  private async beforeProactive(reference: Partial<ConversationReference>): Promise<void> {
    const waId = reference.user?.id ?? '';
    if (await this.inServiceWindow(waId)) return;
    if (!this.deps.templateName) {
      throw new NotDeliverableError('WhatsApp only allows free-form messages within 24 hours of the person\'s last message, and no template is configured (WHATSAPP_TEMPLATE_NAME).');
    }
    await this.deps.graph.send(waId, { type: 'template', template: { name: this.deps.templateName, language: { code: isLang(reference.locale) ? reference.locale : 'en' } } });
    throw new SentAsTemplateError();
  }
}
