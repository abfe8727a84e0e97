import { randomBytes } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import type { BotServices } from '../bot/BotServices';
import { type Proactive, SentAsTemplateError } from '../bot/Proactive';
import { channelKindOf } from '../channels/channelKind';
import { render } from '../channels/render';
import { isLang, type Lang } from '../knowledge/types';
import { hashToken } from '../newsletter/SubscriptionStore';
import { publicBaseUrl } from '../newsletter/sendConfirmation';
import { WHATSAPP_CHANNEL_ID, type WhatsAppConnector } from '../whatsapp/WhatsAppConnector';
import { classifyMailError, classifySendError } from './sendErrors';
import type { Delivery, Outcome } from './Outbox';
import { contentFor, type UpdateContent, updateMail, updateReplies, updateTemplate } from './renderUpdate';
import type { UpdateTexts } from './updateInput';
import type { UpdateStore } from './UpdateStore';

export interface DelivererDeps {
  services: BotServices;
  store: UpdateStore;
  proactive: Proactive;
  /** The built-in WhatsApp connector, when configured. */
  whatsapp?: WhatsAppConnector;
}

const skipped = (reason: string): Outcome => ({ status: 'skipped', reason });
const failed = (reason: string): Outcome => ({ status: 'failed', reason });
export const REASON_UNSUBSCRIBED = 'unsubscribed before it was sent';
export const REASON_ERASED = 'erased on request ("forget me") before it was sent';

/**
 * Sends one outbox row: looks the subscriber up again (someone who left since it was queued is
 * skipped), picks their language, and sends on their channel by that channel's rules — e-mail with
 * a one-click unsubscribe link; WhatsApp as text inside the 24-hour window and as the approved
 * template outside it; every other chat through its conversation reference.
 */
export function updateDeliverer(deps: DelivererDeps): (d: Delivery) => Promise<Outcome> {
  const { services, proactive, whatsapp } = deps;
  const { config, i18n } = services;
  const channels = { whatsappIds: config.WHATSAPP_CHANNEL_IDS, smsIds: config.SMS_CHANNEL_IDS };
  // An update cannot change once started, so its texts are read once per process.
  const started = new Map<string, UpdateTexts>();
  const textsOf = async (id: string) => {
    let texts = started.get(id);
    if (!texts) {
      texts = (await deps.store.get(id))?.texts;
      if (texts) started.set(id, texts);
    }
    return texts;
  };

  const chat = async (reference: Partial<ConversationReference>, content: UpdateContent): Promise<Outcome> => {
    // A failed send throws here (`Proactive.continueConversation`), and the outbox retries or fails it.
    await proactive.continueConversation(reference, async (ctx) => {
      const kind = channelKindOf(ctx.activity.channelId, channels);
      const target = { kind, isGroup: Boolean(reference.conversation?.isGroup) };
      const activities = updateReplies(content, i18n.forLang(content.lang), kind).flatMap((reply) => render(reply, target));
      for (const a of activities) a.locale = content.lang;
      await ctx.sendActivities(activities);
    });
    return { status: 'sent', via: 'text', language: content.lang };
  };

  const onWhatsApp = async (reference: Partial<ConversationReference>, content: UpdateContent, updateId: string): Promise<Outcome> => {
    const waId = reference.user?.id ?? '';
    // Without the built-in connector, 'whatsapp' is a Bot Framework connector's channel like any other.
    if (!whatsapp) return chat(reference, content);
    if (await whatsapp.inServiceWindow(waId)) return chat(reference, content);
    const template = config.WHATSAPP_UPDATE_TEMPLATE ?? config.WHATSAPP_TEMPLATE_NAME;
    if (!template) return failed('outside WhatsApp\'s 24-hour window, and no template is configured (WHATSAPP_UPDATE_TEMPLATE)');
    await whatsapp.sendMessage(waId, updateTemplate(template, Boolean(config.WHATSAPP_UPDATE_TEMPLATE), content, updateId));
    return { status: 'sent', via: 'template', language: content.lang };
  };

  const byMail = async (d: Delivery, texts: UpdateTexts): Promise<Outcome> => {
    const subscription = await services.subscriptions?.get(d.recipient_id);
    if (!subscription) return skipped(REASON_ERASED);
    if (subscription.status !== 'active') return skipped(REASON_UNSUBSCRIBED);
    if (!services.mailer) return failed('e-mail is not configured (SMTP_URL)');
    const lang: Lang = isLang(subscription.language) ? subscription.language : 'en';
    const t = i18n.forLang(lang);
    const token = randomBytes(24).toString('base64url');
    const unsubscribeUrl = `${publicBaseUrl(services)}/newsletter/unsubscribe?token=${token}`;
    const mail = updateMail(contentFor(texts, lang, t), t, unsubscribeUrl);
    try {
      await services.mailer.send({ to: subscription.email, ...mail, unsubscribeUrl, language: lang });
    } catch (err) {
      return classifyMailError(err);
    }
    return { status: 'sent', via: 'email', language: lang, tokenHash: hashToken(token) };
  };

  return async (d) => {
    const texts = await textsOf(d.update_id);
    if (!texts) return failed('the update no longer exists');
    if (d.recipient_kind === 'email') return byMail(d, texts);
    const subscriber = await services.subscriptions?.chat.get(d.recipient_id);
    if (!subscriber) return skipped(REASON_ERASED);
    if (subscriber.status !== 'active' || !subscriber.reference) return skipped(REASON_UNSUBSCRIBED);
    const lang: Lang = isLang(subscriber.language) ? subscriber.language : 'en';
    const content = contentFor(texts, lang, i18n.forLang(lang));
    const reference = JSON.parse(subscriber.reference) as Partial<ConversationReference>;
    try {
      return subscriber.channel === WHATSAPP_CHANNEL_ID ? await onWhatsApp(reference, content, d.update_id) : await chat(reference, content);
    } catch (err) {
      // The window closed between the check and the send: the general template went instead.
      if (err instanceof SentAsTemplateError) return { status: 'sent', via: 'template', language: lang };
      return classifySendError(err);
    }
  };
}
