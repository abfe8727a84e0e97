import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Response, Server } from 'restify';

/** The console's own policy: nothing but this origin (see `registerStaffConsole`). */
const CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** uPlot's browser build and stylesheet, from the installed package (no CDN). */
const uplot = (file: string) => join(dirname(require.resolve('uplot')), file);

const files: Record<string, { path: string; type: string }> = {
  '/staff/views.js': { path: join(__dirname, 'console', 'views.js'), type: 'text/javascript; charset=utf-8' },
  '/staff/knowledge.js': { path: join(__dirname, 'console', 'knowledge.js'), type: 'text/javascript; charset=utf-8' },
  '/staff/usage.js': { path: join(__dirname, 'console', 'usage.js'), type: 'text/javascript; charset=utf-8' },
  '/staff/insights.css': { path: join(__dirname, 'console', 'insights.css'), type: 'text/css; charset=utf-8' },
  '/staff/vendor/uPlot.iife.min.js': { path: uplot('uPlot.iife.min.js'), type: 'text/javascript; charset=utf-8' },
  '/staff/vendor/uPlot.min.css': { path: uplot('uPlot.min.css'), type: 'text/css; charset=utf-8' },
};

/** Serves the console's Knowledge and Usage views and the chart library; the data comes from the staff API. */
export function registerInsightsConsole(server: Server): void {
  for (const [route, file] of Object.entries(files)) {
    const body = readFileSync(file.path);
    server.get(route, async (_req, res: Response) => {
      res.writeHead(200, {
        'Content-Type': file.type,
        'Content-Length': body.length,
        'Content-Security-Policy': CONSOLE_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': route.startsWith('/staff/vendor/') ? 'public, max-age=86400' : 'no-store',
      });
      res.end(body);
    });
  }
}
