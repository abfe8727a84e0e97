import { loadConfig } from './config';
import { createApp } from './app';
import { createLogger, errorSummary } from './log';
import { checkStartupSafety, logSettings } from './startup';

/** Composition root: config → services → server. The only module with side effects at load. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  logSettings(config, logger);
  checkStartupSafety(config, logger);

  const app = await createApp(config, logger);
  await new Promise<void>((resolve) => app.server.listen(config.PORT, config.HOST, resolve));
  logger.info({ port: config.PORT, url: `http://localhost:${config.PORT}/` }, 'bot listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: readiness off, waiting for in-flight turns');
    await app.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (err) => logger.error({ err: errorSummary(err) }, 'unhandled rejection'));
}

main().catch((err: unknown) => {
  // Start-up errors (bad config, broken knowledge file) are ours and say file, line and reason.
  process.stderr.write(`Could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
