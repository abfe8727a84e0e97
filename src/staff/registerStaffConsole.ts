import { dirname, join } from 'node:path';
import type { Server } from 'restify';
import { serveFiles } from '../http/serveFiles';

const CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const own = (name: string) => join(__dirname, 'console', name);
/** uPlot's browser build and stylesheet, from the installed package (no CDN). */
const uplot = (name: string) => join(dirname(require.resolve('uplot')), name);

const files = {
  '/staff': { path: own('index.html'), type: HTML },
  '/staff/console.js': { path: own('console.js'), type: JS },
  '/staff/console.css': { path: own('console.css'), type: CSS },
  '/staff/views.js': { path: own('views.js'), type: JS },
  '/staff/knowledge.js': { path: own('knowledge.js'), type: JS },
  '/staff/usage.js': { path: own('usage.js'), type: JS },
  '/staff/insights.css': { path: own('insights.css'), type: CSS },
  '/staff/updates.html': { path: own('updates.html'), type: HTML },
  '/staff/updates.js': { path: own('updates.js'), type: JS },
  '/staff/updates.css': { path: own('updates.css'), type: CSS },
  '/staff/vendor/uPlot.iife.min.js': { path: uplot('uPlot.iife.min.js'), type: JS },
  '/staff/vendor/uPlot.min.css': { path: uplot('uPlot.min.css'), type: CSS },
};

/**
 * Serves the helpdesk console (queue, Knowledge, Usage and Updates views) and its chart library; the
 * pages hold no data themselves and call the staff API.
 */
export function registerStaffConsole(server: Server): void {
  serveFiles(server, files, { csp: CONSOLE_CSP, cacheControl: (route) => (route.startsWith('/staff/vendor/') ? 'public, max-age=86400' : 'no-store') });
}
