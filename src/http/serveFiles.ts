import { readFileSync } from 'node:fs';
import type { Response, Server } from 'restify';

/** A file served at a route: where it is on disk and its Content-Type. */
export interface ServedFile {
  path: string;
  type: string;
}

/**
 * Serves fixed files (read once, at start-up) with a content security policy, no MIME sniffing,
 * no referrer, and the cache policy `cacheControl` gives each route.
 */
export function serveFiles(server: Server, files: Readonly<Record<string, ServedFile>>, policy: { csp: string; cacheControl: (route: string) => string }): void {
  for (const [route, file] of Object.entries(files)) {
    const body = readFileSync(file.path);
    server.get(route, async (_req, res: Response) => {
      res.writeHead(200, {
        'Content-Type': file.type,
        'Content-Length': body.length,
        'Content-Security-Policy': policy.csp,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': policy.cacheControl(route),
      });
      res.end(body);
    });
  }
}
