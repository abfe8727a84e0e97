import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response, Server } from 'restify';

const CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const files = {
  '/staff': { name: 'index.html', type: 'text/html; charset=utf-8' },
  '/staff/console.js': { name: 'console.js', type: 'text/javascript; charset=utf-8' },
  '/staff/console.css': { name: 'console.css', type: 'text/css; charset=utf-8' },
  '/staff/updates.html': { name: 'updates.html', type: 'text/html; charset=utf-8' },
  '/staff/updates.js': { name: 'updates.js', type: 'text/javascript; charset=utf-8' },
  '/staff/updates.css': { name: 'updates.css', type: 'text/css; charset=utf-8' },
} as const;

/** Serves the helpdesk console page; it holds no data itself and calls the staff API with the token. */
export function registerStaffConsole(server: Server): void {
  for (const [route, file] of Object.entries(files)) {
    const body = readFileSync(join(__dirname, 'console', file.name));
    server.get(route, async (_req, res: Response) => {
      res.writeHead(200, {
        'Content-Type': file.type,
        'Content-Length': body.length,
        'Content-Security-Policy': CONSOLE_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    });
  }
}
