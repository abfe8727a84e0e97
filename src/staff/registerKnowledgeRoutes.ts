import type { Request, Response, Server } from 'restify';
import type { BotServices } from '../bot/BotServices';
import { knowledgeStats } from '../feedback/knowledgeStats';
import { suggestionGroups } from '../feedback/suggestionGroups';
import { LANGUAGES } from '../knowledge/types';
import { type DayRange, parseDayRange } from '../usage/DayRange';
import { USAGE_COLUMNS, usageReport } from '../usage/usageReport';
import { staffAllowed } from './requireStaffToken';
import { toCsv } from './toCsv';

const STATS_COLUMNS = [
  'id', 'topic', 'question', 'answered', 'helpful', 'unhelpful', 'not-my-question', 'not-clear', 'out-of-date',
  ...LANGUAGES.flatMap((l) => [`answered_${l}`, `helpful_${l}`, `unhelpful_${l}`]),
  'lastAnswered', 'reviewed', 'stale',
];
const SUGGESTION_COLUMNS = ['id', 'lang', 'text', 'count', 'lastSeen', 'file'];

/**
 * The editors' view of use (every route behind the staff guard, JSON or `?format=csv`):
 * per-entry helpfulness, suggested alternates, and daily usage. Registered only with `services.insights`.
 */
export function registerKnowledgeRoutes(server: Server, services: BotServices): void {
  const { insights, config, kb } = services;
  if (!insights) return;
  const guard = (req: Request, res: Response) => staffAllowed(config.STAFF_API_TOKEN, req, res);

  /** `?format=` and `?from=&to=`, or a 400 with a short reason. */
  const read = (req: Request, res: Response, withRange: boolean): { csv: boolean; range: DayRange } | undefined => {
    const format = req.query?.format ?? 'json';
    if (format !== 'json' && format !== 'csv') {
      res.send(400, { error: 'format must be json or csv.' });
      return undefined;
    }
    const range = parseDayRange(withRange ? (req.query ?? {}) : {}, insights.today());
    if ('error' in range) {
      res.send(400, { error: range.error });
      return undefined;
    }
    return { csv: format === 'csv', range };
  };
  const sendCsv = (res: Response, name: string, body: string) => {
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"`, 'Cache-Control': 'no-store' });
    res.end(body);
  };

  server.get('/api/staff/knowledge/stats', async (req, res) => {
    if (!guard(req, res)) return;
    const asked = read(req, res, true);
    if (!asked) return;
    const { from, to } = asked.range;
    const entries = await knowledgeStats(insights, kb, asked.range, config.KNOWLEDGE_STALE_DAYS);
    if (!asked.csv) return res.send(200, { from, to, entries });
    const rows = entries.map((e) => ({
      ...e,
      ...e.reasons,
      ...Object.fromEntries(LANGUAGES.flatMap((l) => Object.entries(e.byLanguage[l]).map(([k, v]) => [`${k}_${l}`, v]))),
    }));
    sendCsv(res, `knowledge-stats-${from}-${to}`, toCsv(STATS_COLUMNS, rows));
  });

  server.get('/api/staff/knowledge/suggestions', async (req, res) => {
    if (!guard(req, res)) return;
    const asked = read(req, res, false);
    if (!asked) return;
    const groups = suggestionGroups(await insights.suggestions.list(), kb);
    if (!asked.csv) return res.send(200, { entries: groups });
    const rows = groups.flatMap((g) => g.suggestions.map((s) => ({ ...s, id: g.id, lang: g.lang, file: g.file })));
    sendCsv(res, 'knowledge-suggestions', toCsv(SUGGESTION_COLUMNS, rows));
  });

  server.get('/api/staff/usage', async (req, res) => {
    if (!guard(req, res)) return;
    const asked = read(req, res, true);
    if (!asked) return;
    const { from, to } = asked.range;
    const days = await usageReport(insights, asked.range);
    if (!asked.csv) return res.send(200, { from, to, days });
    sendCsv(res, `usage-${from}-${to}`, toCsv(USAGE_COLUMNS, days));
  });
}
