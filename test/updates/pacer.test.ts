import assert from 'node:assert/strict';
import { Pacer } from '../../src/updates/Pacer';

/** A pacer on a clock the test moves; it notes when each send it lets through would start. */
function pacedClock(perSecond: number) {
  let now = 0;
  const starts: number[] = [];
  const pacer = new Pacer(perSecond, () => now, async (ms) => {
    starts.push(now + Math.max(0, ms));
  });
  return { pacer, starts, advance: (ms: number) => (now += ms) };
}

describe('the pace of a lane', () => {
  it('starts at most the configured number of sends per second, however many loops ask at once', async () => {
    const { pacer, starts } = pacedClock(4);
    await Promise.all(Array.from({ length: 9 }, () => pacer.take()));
    assert.deepEqual(starts.map((t) => Math.floor(t / 1000)), [0, 0, 0, 0, 1, 1, 1, 1, 2]);
  });

  it('waits after "too many requests", then keeps its pace without a burst to catch up', async () => {
    const { pacer, starts, advance } = pacedClock(10);
    await pacer.take();
    pacer.pause(2000);
    await pacer.take();
    advance(5000);
    await pacer.take();
    await pacer.take();
    assert.deepEqual(starts, [0, 2000, 5000, 5100]);
  });
});
