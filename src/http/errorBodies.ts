import type { Server } from 'restify';

const REASONS: Record<number, string> = {
  400: 'Bad request: the body could not be read (invalid JSON?).',
  401: 'Unauthorized.',
  403: 'Forbidden.',
  404: 'Not found.',
  405: 'Method not allowed.',
  406: 'Not acceptable.',
  413: 'Request body too large.',
  415: 'Unsupported media type or content encoding.',
  429: 'Too many requests.',
  500: 'Internal error.',
  503: 'Service unavailable.',
};

/**
 * restify's errors carry library messages ("Invalid JSON: Unexpected token …") that may echo the
 * request. Every error body is replaced by a short, fixed reason for its status code.
 */
export function useShortErrorBodies(server: Server): void {
  server.on('restifyError', (_req, _res, err: { statusCode?: number; toJSON?: () => unknown; body?: unknown }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const reason = REASONS[status] ?? (status >= 500 ? REASONS[500] : REASONS[400]);
    err.toJSON = () => ({ error: reason });
    err.body = { error: reason };
    callback();
  });
}
