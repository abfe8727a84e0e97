import type { ChannelKind } from '../channels/channelKind';
import type { Translate } from '../i18n/i18n';
import type { Lang } from '../knowledge/types';
import type { Reply } from '../reply';
import { MAX_INTERACTIVE_BODY } from '../whatsapp/toGraphMessages';
import type { UpdateTexts } from './updateInput';

/** The payload of the template's quick-reply button: a tap asks for this update's full text. */
export const READ_PAYLOAD_PREFIX = 'iom-update-read:';

/** One update as one subscriber gets it: their language, or English with a note saying so. */
export interface UpdateContent {
  lang: Lang;
  title: string;
  /** The text, after the one-line note when it is the English fallback. */
  text: string;
  fallback: boolean;
}

/** Picks the subscriber's language, or English with a one-line note in their language. */
export function contentFor(texts: UpdateTexts, lang: Lang, t: Translate): UpdateContent {
  const own = texts[lang];
  if (own) return { lang, title: own.title, text: own.text, fallback: false };
  return { lang, title: texts.en.title, text: `${t('updates.onlyInEnglish')}\n\n${texts.en.text}`, fallback: true };
}

/**
 * The update as neutral replies for a chat channel, with an "Unsubscribe" button under it. On
 * WhatsApp a message with buttons holds at most 1,024 characters, so a longer update goes as text
 * and the button comes in a short message of its own.
 */
export function updateReplies(content: UpdateContent, t: Translate, kind: ChannelKind): Reply[] {
  const unsubscribe = [{ label: t('updates.unsubscribeButton'), value: t('updates.unsubscribeButton') }];
  const footer = t('updates.footer');
  const whole: Reply = { kind: 'message', title: content.title, text: `${content.text}\n\n${footer}`, choices: unsubscribe };
  if (kind === 'whatsapp' && content.title.length + whole.text.length + 6 > MAX_INTERACTIVE_BODY) {
    return [{ kind: 'message', title: content.title, text: content.text }, { kind: 'message', text: footer, choices: unsubscribe }];
  }
  return [whole];
}

/** The update as an e-mail: the title as subject, the text, and a one-click unsubscribe link. */
export function updateMail(content: UpdateContent, t: Translate, unsubscribeUrl: string): { subject: string; text: string } {
  return { subject: content.title, text: `${content.title}\n\n${content.text}\n\n--\n${t('updates.mailFooter', { unsubscribeUrl })}\n` };
}

/** WhatsApp template parameters: no line breaks, tabs or runs of spaces. */
const templateText = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The approved template that opens a WhatsApp conversation outside the 24-hour window: the title as
 * its body parameter and a quick-reply button whose payload names the update. Without a dedicated
 * update template, the general one (no parameters) invites the person back.
 */
export function updateTemplate(name: string, withParameters: boolean, content: UpdateContent, updateId: string): Record<string, unknown> {
  const template: Record<string, unknown> = { name, language: { code: content.lang } };
  if (withParameters) {
    template.components = [
      { type: 'body', parameters: [{ type: 'text', text: templateText(content.title) }] },
      { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: `${READ_PAYLOAD_PREFIX}${updateId}` }] },
    ];
  }
  return { type: 'template', template };
}
