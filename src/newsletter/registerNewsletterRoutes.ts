import type { Request, Response, Server } from 'restify';
import type { BotServices } from '../bot/BotServices';
import { langFromLocale } from '../i18n/languageNames';
import type { Lang } from '../knowledge/types';
import { staffAllowed } from '../staff/requireStaffToken';
import type { Subscription, SubscriptionStore } from './SubscriptionStore';

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** A tiny page with one fixed, localised sentence: nothing from the request is reflected. */
function page(res: Response, status: number, lang: Lang, sentence: string): void {
  const body = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>IOM</title><p style="font:1.1rem system-ui;max-width:40rem;margin:3rem auto;padding:0 1rem">${sentence}</p></html>`;
  res.writeHead(status, { ...PAGE_HEADERS, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const CSV_COLUMNS = ['email', 'language', 'status', 'consent_version', 'channel', 'created_at', 'confirmed_at', 'unsubscribed_at'] as const;

/** CSV cell: quoted, and a leading = + - @ neutralised so spreadsheets never run it as a formula. */
function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function subscriptionsCsv(rows: Subscription[]): string {
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/**
 * Mail links (`/newsletter/confirm`, `/newsletter/unsubscribe`, GET and one-click POST) and the staff
 * export `GET /api/staff/subscriptions` (JSON, or `?format=csv`).
 */
export function registerNewsletterRoutes(server: Server, services: BotServices, subscriptions: SubscriptionStore): void {
  const lang = (req: Request): Lang => langFromLocale(String(req.headers['accept-language'] ?? '').split(',')[0]) ?? 'en';
  const token = (req: Request) => {
    const t = req.query?.token;
    return typeof t === 'string' && t.length > 10 && t.length < 200 ? t : undefined;
  };

  server.get('/newsletter/confirm', async (req, res) => {
    const t = token(req);
    const ok = t ? await subscriptions.confirm(t) : false;
    page(res, ok ? 200 : 400, lang(req), services.i18n.t(lang(req), ok ? 'newsletter.page.confirmed' : 'newsletter.page.invalidLink'));
  });

  const unsubscribe = async (req: Request, res: Response) => {
    const t = token(req);
    const ok = t ? await subscriptions.unsubscribeByToken(t) : false;
    page(res, ok ? 200 : 400, lang(req), services.i18n.t(lang(req), ok ? 'newsletter.page.unsubscribed' : 'newsletter.page.invalidLink'));
  };
  server.get('/newsletter/unsubscribe', unsubscribe);
  server.post('/newsletter/unsubscribe', unsubscribe);

  server.get('/api/staff/subscriptions', async (req, res) => {
    if (!staffAllowed(services.config.STAFF_API_TOKEN, req, res)) return;
    const rows = await subscriptions.list();
    if (req.query?.format === 'csv') {
      const csv = subscriptionsCsv(rows);
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="subscriptions.csv"', 'Content-Length': Buffer.byteLength(csv) });
      res.end(csv);
      return;
    }
    res.send(200, {
      subscriptions: rows.map((r) => ({
        email: r.email, language: r.language, status: r.status, consentVersion: r.consent_version, channel: r.channel,
        createdAt: r.created_at, confirmedAt: r.confirmed_at, unsubscribedAt: r.unsubscribed_at,
      })),
    });
  });
}
