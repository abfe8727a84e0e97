// The baseline for `npm run bench`: a bare botbuilder echo bot on the same restify setup, no state, no logic.
// Plain JavaScript so that, like the bot (compiled by `npm run build`), it runs without a TypeScript loader.
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');
const restify = require('restify');

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (ctx, next) => {
  await ctx.sendActivity(`echo: ${ctx.activity.text}`);
  await next();
});
const server = restify.createServer();
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (ctx) => bot.run(ctx));
});
server.get('/readyz', async (_req, res) => {
  res.send(200, { status: 'ready' });
});
server.listen(Number(process.argv[2] ?? 3999), '127.0.0.1');
