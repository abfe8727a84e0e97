import restify, { type Server } from 'restify';
import type { Config } from './config';
import { useShortErrorBodies } from './http/errorBodies';
import type { Logger } from './log';

export interface Readiness {
  /** False until the knowledge base is loaded, and again once shutdown begins. */
  ready: boolean;
}

/**
 * The HTTP server with the protections every route shares: no compressed bodies (restify 11 can
 * crash on a bad gzip body), a body size limit, short fixed error bodies, health and readiness.
 * Feature routes are added by `register…Routes(server, deps)` in `src/index.ts`.
 */
export function createServer(config: Readonly<Config>, readiness: Readiness, logger: Logger): Server {
  // restify logs whole requests (headers, bodies) at warn level in some cases: give it our logger,
  // at error level only, with requests and values redacted.
  const restifyLog = logger.child({ component: 'restify' }, { level: 'error', redact: { paths: ['req', 'res', 'value', 'err.body'], remove: true } });
  const server = restify.createServer({ name: 'migration-health-bot', handleUncaughtExceptions: false, log: restifyLog as never });
  useShortErrorBodies(server);

  server.pre((req, res, next) => {
    const encoding = req.headers['content-encoding'];
    if (encoding && encoding.toLowerCase() !== 'identity') {
      res.send(415, { error: 'Compressed request bodies are not accepted.' });
      return next(false);
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > config.MAX_BODY_BYTES) {
      res.send(413, { error: 'Request body too large.' });
      return next(false);
    }
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: config.MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'alive' });
  });
  server.get('/readyz', async (_req, res) => {
    res.send(readiness.ready ? 200 : 503, { status: readiness.ready ? 'ready' : 'not ready' });
  });
  return server;
}
