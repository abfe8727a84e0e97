import type { Server } from 'restify';
import type { Config } from '../config';
import { staffAllowed } from '../staff/requireStaffToken';
import type { Metrics } from './Metrics';

/** `GET /metrics` in Prometheus format, behind the staff token (registered only with `METRICS_ENABLED`). */
export function registerMetricsRoute(server: Server, config: Readonly<Config>, metrics: Metrics): void {
  server.get('/metrics', async (req, res) => {
    if (!staffAllowed(config.STAFF_API_TOKEN, req, res)) return;
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
}
