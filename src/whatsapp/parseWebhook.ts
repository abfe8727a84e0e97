/** One inbound WhatsApp message, reduced to what the bot needs. */
export interface InboundMessage {
  id: string;
  /** The sender's WhatsApp id (their phone number): personal data, never logged. */
  from: string;
  /** What the person said: typed text, or the id of the button or list row they tapped. */
  text?: string;
  /** Images, voice notes, locations … the bot only reads text. */
  unsupported?: boolean;
  /** The payload of a template's quick-reply button, when one was tapped. */
  payload?: string;
}

type Json = Record<string, any>;

/**
 * Reads a WhatsApp Cloud API webhook (`object: whatsapp_business_account`): messages of type text,
 * interactive button and list replies; other types are marked unsupported; status callbacks
 * (sent, delivered, read) carry no message and are ignored.
 */
export function parseWebhook(body: unknown): InboundMessage[] {
  if (!body || typeof body !== 'object' || (body as Json).object !== 'whatsapp_business_account') return [];
  const out: InboundMessage[] = [];
  for (const entry of asArray((body as Json).entry)) {
    for (const change of asArray(entry?.changes)) {
      for (const m of asArray(change?.value?.messages)) {
        if (typeof m?.id !== 'string' || typeof m?.from !== 'string') continue;
        const base = { id: m.id.slice(0, 200), from: m.from.slice(0, 32) };
        if (m.type === 'text' && typeof m.text?.body === 'string') out.push({ ...base, text: m.text.body });
        else if (m.type === 'interactive' && m.interactive?.type === 'button_reply') out.push({ ...base, text: String(m.interactive.button_reply?.id ?? m.interactive.button_reply?.title ?? '') });
        else if (m.type === 'interactive' && m.interactive?.type === 'list_reply') out.push({ ...base, text: String(m.interactive.list_reply?.id ?? m.interactive.list_reply?.title ?? '') });
        else if (m.type === 'button' && typeof m.button?.text === 'string') {
          out.push({ ...base, text: m.button.text, ...(typeof m.button.payload === 'string' && { payload: m.button.payload.slice(0, 200) }) });
        }
        else out.push({ ...base, unsupported: true });
      }
    }
  }
  return out;
}

function asArray(v: unknown): any[] {
  return Array.isArray(v) ? v : [];
}
