import type { Activity } from 'botbuilder';
import { render } from '../channels/render';
import type { ChannelKind } from '../channels/channelKind';
import type { I18n } from '../i18n/i18n';
import { LANGUAGES, type Lang } from '../knowledge/types';
import { toGraphMessages } from '../whatsapp/toGraphMessages';
import { contentFor, updateMail, updateReplies, updateTemplate } from './renderUpdate';
import type { UpdateTexts } from './updateInput';

/** One message as the person sees it: its text and the buttons under it. */
export interface MessagePreview {
  text: string;
  buttons: string[];
}

/** An update in one language, as each channel will show it. */
export interface LanguagePreview {
  /** No text in this language: subscribers get the English one with a note. */
  fallback: boolean;
  webchat: MessagePreview[];
  teams: MessagePreview[];
  /** Inside the 24-hour window. */
  whatsapp: MessagePreview[];
  /** Outside it: the template and its parameter, or why nothing can be sent. */
  whatsappTemplate: { name: string; title?: string } | { unavailable: string };
  email: { subject: string; text: string };
}

const messages = (activities: Partial<Activity>[]): MessagePreview[] =>
  activities.map((a) => ({ text: String(a.text ?? ''), buttons: (a.suggestedActions?.actions ?? []).map((x) => String(x.title)) }));

/**
 * The update rendered by the same code that sends it, per language and channel, so staff see
 * what each subscriber will get (the e-mail's unsubscribe link is a placeholder).
 */
export function previewUpdate(updateTexts: UpdateTexts, i18n: I18n, templates: { update?: string; general?: string }): Record<Lang, LanguagePreview> {
  const out = {} as Record<Lang, LanguagePreview>;
  for (const lang of LANGUAGES) {
    const t = i18n.forLang(lang);
    const content = contentFor(updateTexts, lang, t);
    const chat = (kind: ChannelKind) => updateReplies(content, t, kind).flatMap((reply) => render(reply, { kind, isGroup: false }));
    const whatsapp = chat('whatsapp')
      .flatMap((activity) => toGraphMessages(activity, t('whatsapp.listButton')))
      .map((m) => {
        const interactive = m.interactive as { body: { text: string }; action: { buttons?: Array<{ reply: { title: string } }> } } | undefined;
        if (interactive) return { text: interactive.body.text, buttons: (interactive.action.buttons ?? []).map((b) => b.reply.title) };
        return { text: (m.text as { body: string }).body, buttons: [] };
      });
    const name = templates.update ?? templates.general;
    const template = name && (updateTemplate(name, Boolean(templates.update), content, 'preview').template as { name: string; components?: Array<{ parameters: Array<{ text?: string }> }> });
    out[lang] = {
      fallback: content.fallback,
      webchat: messages(chat('webchat')),
      teams: messages(chat('teams')),
      whatsapp,
      whatsappTemplate: template ? { name: template.name, title: template.components?.[0]?.parameters[0]?.text } : { unavailable: 'No template is configured (WHATSAPP_UPDATE_TEMPLATE): people outside the 24-hour window cannot be reached.' },
      email: updateMail(content, t, '(one-click unsubscribe link)'),
    };
  }
  return out;
}
