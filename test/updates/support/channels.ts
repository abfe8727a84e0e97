import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A local stand-in for the WhatsApp Graph API: records every message it accepts. */
export async function fakeGraph() {
  const sent: Array<{ to: string; body: any }> = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw);
      sent.push({ to: body.to, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"messages":[{"id":"wamid.out"}]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v21.0`, sent, close: () => server.close() };
}

/** A real SMTP server on loopback that keeps every message it receives (raw, headers included). */
export async function localSmtp(): Promise<{ url: string; mails: string[]; close: () => void }> {
  const mails: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      let raw = '';
      stream.on('data', (c) => (raw += c));
      stream.on('end', () => (mails.push(raw), done()));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => server.close() };
}

/** A single-part mail as a person reads it: headers as sent, then the body decoded (quoted-printable or base64). */
export const decodeMail = (raw: string) => {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const bytes = /Content-Transfer-Encoding: base64/i.test(headers)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
    : Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1');
  return `${headers}\r\n\r\n${bytes.toString('utf8')}`;
};

let counter = 0;

/** A person on WhatsApp, writing to the bot's webhook (signed like Meta signs it). */
export function whatsAppPerson(botUrl: () => string, secret: string, waId: string, idle: () => Promise<void>) {
  const post = async (message: Record<string, unknown>) => {
    const raw = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: 'PNID' }, messages: [{ from: waId, id: `wamid.in.${++counter}`, timestamp: '1700000000', ...message }] } }] }],
    });
    const signature = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    const res = await fetch(`${botUrl()}/api/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw });
    await idle();
    return res.status;
  };
  return {
    waId,
    say: (text: string) => post({ type: 'text', text: { body: text } }),
    tapButton: (id: string, title: string) => post({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } }),
    /** A template's quick-reply button, as WhatsApp reports it. */
    tapTemplateButton: (text: string, payload: string) => post({ type: 'button', button: { text, payload } }),
  };
}

/** A person in the web chat page, talking to the bot's Direct Line endpoint as Web Chat does. */
export async function webChatPerson(botUrl: string, locale: string) {
  const { token, conversationId } = await (await fetch(`${botUrl}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale }) })).json();
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  await fetch(`${botUrl}/v3/directline/conversations`, { method: 'POST', headers: auth });
  let watermark = 0;
  /** What the bot said since the last look. */
  const fromBot = async (): Promise<any[]> => {
    const page = await (await fetch(`${botUrl}/v3/directline/conversations/${conversationId}/activities?watermark=${watermark}`, { headers: auth })).json();
    watermark = Number(page.watermark);
    return page.activities.filter((a: any) => a.from?.role === 'bot' && a.type === 'message');
  };
  await fromBot();
  return {
    fromBot,
    async say(text: string) {
      await fetch(`${botUrl}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text, locale, from: { id: `dl-${conversationId}` } }) });
      return fromBot();
    },
  };
}
