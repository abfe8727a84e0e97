import type { Response } from 'restify';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small HTML page for the sign-in steps (refused, expired, provider down), with a way back to the console. */
export function staffPage(res: Response, status: number, title: string, message: string): void {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — Helpdesk console</title><link rel="stylesheet" href="/staff/console.css"></head>
<body><header><h1>Helpdesk console</h1></header><main><section><h2>${escape(title)}</h2><p>${escape(message)}</p>
<p><a href="/staff">Back to the console</a></p></section></main></body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
