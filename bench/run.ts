import { runLoadBench } from './load';
import { runSearchBench } from './search';

/** `npm run bench`: search latency and index build, then turn throughput against a bare echo bot. */
async function main(): Promise<void> {
  runSearchBench();
  await runLoadBench();
}

void main();
