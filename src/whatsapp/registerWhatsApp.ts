import { timingSafeEqual, createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Server } from 'restify';
import type { BotServices } from '../bot/BotServices';
import type { BotApp } from '../bot/createBot';
import type { Proactive } from '../bot/Proactive';
import type { InFlight } from '../http/InFlight';
import type { Database } from '../storage/schema';
import { GraphClient } from './GraphClient';
import { parseWebhook } from './parseWebhook';
import { validSignature } from './verifySignature';
import { WHATSAPP_CHANNEL_ID, WhatsAppConnector } from './WhatsAppConnector';

const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/**
 * `GET /api/whatsapp` (Meta's subscription handshake) and `POST /api/whatsapp` (signed webhooks).
 * Registered only when the four WHATSAPP_* settings are present.
 */
export function registerWhatsApp(
  server: Server,
  deps: { app: BotApp; services: BotServices; db: Kysely<Database>; proactive: Proactive; inFlight: InFlight },
): WhatsAppConnector {
  const { config, logger } = deps.services;
  const graph = new GraphClient({
    graphUrl: config.WHATSAPP_GRAPH_URL,
    phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID!,
    accessToken: config.WHATSAPP_ACCESS_TOKEN!,
    timeoutMs: config.OUTGOING_TIMEOUT_MS,
    logger,
  });
  const connector = new WhatsAppConnector({ ...deps, graph, phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID!, templateName: config.WHATSAPP_TEMPLATE_NAME });
  deps.proactive.register(WHATSAPP_CHANNEL_ID, connector.adapter);

  server.get('/api/whatsapp', async (req, res) => {
    const mode = req.query?.['hub.mode'];
    const token = req.query?.['hub.verify_token'];
    const challenge = req.query?.['hub.challenge'];
    if (mode === 'subscribe' && typeof token === 'string' && sameSecret(token, config.WHATSAPP_VERIFY_TOKEN!) && typeof challenge === 'string' && /^[\w-]{1,100}$/.test(challenge)) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(challenge);
      return;
    }
    res.send(403, { error: 'Forbidden.' });
  });

  server.post('/api/whatsapp', async (req, res) => {
    const raw = Buffer.from(typeof req.rawBody === 'string' ? req.rawBody : (req.rawBody ?? ''), 'utf8');
    if (!validSignature(raw, req.headers['x-hub-signature-256'] as string | undefined, config.WHATSAPP_APP_SECRET!)) {
      res.send(401, { error: 'Unauthorized.' });
      return;
    }
    // Answer at once (Meta retries slow webhooks); messages are processed in the background.
    res.send(200);
    connector.accept(parseWebhook(req.body));
  });
  return connector;
}
