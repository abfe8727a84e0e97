import { dirname, join } from 'node:path';
import type { Response, Server } from 'restify';
import { serveFiles } from '../http/serveFiles';

/** Everything the page loads comes from this server: no CDN, no fonts or scripts from elsewhere. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; media-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const files = {
  '/': { path: join(__dirname, 'index.html'), type: 'text/html; charset=utf-8' },
  '/web/page.js': { path: join(__dirname, 'page.js'), type: 'text/javascript; charset=utf-8' },
  '/web/page.css': { path: join(__dirname, 'page.css'), type: 'text/css; charset=utf-8' },
  '/webchat.js': { path: webChatBundle(), type: 'text/javascript; charset=utf-8' },
} as const;

/** The official bundle inside the installed package (its exports map hides dist/, so go through lib/). */
function webChatBundle(): string {
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

/** Serves the web chat page and the official Web Chat bundle from node_modules. */
export function registerWebChatPage(server: Server): void {
  server.get('/favicon.ico', async (_req, res: Response) => {
    res.send(204);
  });
  serveFiles(server, files, { csp: PAGE_CSP, cacheControl: (route) => (route === '/webchat.js' ? 'public, max-age=86400' : 'no-cache') });
}
