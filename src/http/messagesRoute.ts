import { AuthenticationError } from 'botframework-connector';
import type { ActivityHandler } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { HttpAdapter } from '../bot/HttpAdapter';
import type { Config } from '../config';
import { errorSummary, type Logger } from '../log';
import { serviceUrlAllowed, validateActivity } from './validateActivity';

export interface MessagesRouteDeps {
  config: Readonly<Config>;
  adapter: HttpAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** Counts turns in flight, so shutdown can wait for them. */
  inFlight: { begin(): void; end(): void };
}

/**
 * `POST /api/messages`: validate (400), keep replies on allowed hosts when running without
 * credentials (403), then let the adapter authenticate (401) and run the turn. With
 * `deliveryMode: "expectReplies"` the replies come back in the body.
 */
export function registerMessagesRoute(server: Server, deps: MessagesRouteDeps): void {
  const { config, adapter, bot, logger } = deps;
  server.post('/api/messages', async (req: Request, res: Response) => {
    const check = validateActivity(req.body);
    if (!check.ok) {
      res.send(check.status, { error: check.reason });
      return;
    }
    const { activity } = check;
    const repliesInBody = activity.deliveryMode === 'expectReplies';
    if (!config.botAuthEnabled && !repliesInBody && !serviceUrlAllowed(activity.serviceUrl, config.SERVICE_URL_ALLOWLIST)) {
      res.send(403, { error: 'This serviceUrl is not allowed without Bot Framework credentials.' });
      return;
    }
    deps.inFlight.begin();
    try {
      const auth = String(req.headers.authorization ?? '');
      const invokeResponse = await adapter.runActivity(auth, activity, (ctx) => bot.run(ctx));
      if (invokeResponse?.body !== undefined) res.send(invokeResponse.status ?? 200, invokeResponse.body);
      else res.send(invokeResponse?.status ?? 200);
    } catch (err) {
      if (err instanceof AuthenticationError) {
        res.send(401, { error: 'Unauthorized.' });
      } else {
        logger.error({ err: errorSummary(err) }, 'turn could not be processed');
        res.send(500, { error: 'Internal error.' });
      }
    } finally {
      deps.inFlight.end();
    }
  });
}
