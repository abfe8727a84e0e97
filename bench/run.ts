import { runLoadBench } from './load';
import { runSearchBench } from './search';
import { runWebChatBench } from './webchat';

/** `npm run bench`: search latency and index build, turn throughput against a bare echo bot, then the web chat endpoint. */
async function main(): Promise<void> {
  runSearchBench();
  await runLoadBench();
  await runWebChatBench();
}

void main();
