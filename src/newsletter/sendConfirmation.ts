import type { BotServices } from '../bot/BotServices';
import type { Lang } from '../knowledge/types';
import type { SubscribeResult } from './SubscriptionStore';

/** Where links in e-mails point: the public URL, or this machine when none is configured. */
export function publicBaseUrl(services: BotServices): string {
  return (services.config.PUBLIC_URL ?? `http://localhost:${services.config.PORT}`).replace(/\/$/, '');
}

/** The double opt-in mail, in the subscriber's language, with a single-use confirmation link and an unsubscribe link. */
export async function sendConfirmation(services: BotServices, result: SubscribeResult, lang: Lang): Promise<void> {
  const base = publicBaseUrl(services);
  const confirmUrl = `${base}/newsletter/confirm?token=${encodeURIComponent(result.confirmToken ?? '')}`;
  const unsubscribeUrl = `${base}/newsletter/unsubscribe?token=${encodeURIComponent(result.unsubscribeToken ?? '')}`;
  const t = services.i18n.forLang(lang);
  await services.mailer!.send({
    to: result.subscription.email,
    subject: t('newsletter.mail.subject'),
    text: t('newsletter.mail.body', { confirmUrl, unsubscribeUrl, hours: services.config.CONFIRM_TOKEN_TTL_HOURS }),
    unsubscribeUrl,
    language: lang,
  });
}
