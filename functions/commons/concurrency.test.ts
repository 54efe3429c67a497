import fc from 'fast-check';
import { mapWithConcurrency } from './concurrency';

const tick = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('Function: mapWithConcurrency', () => {
  it('keeps the results in the order of the items, whatever order they finish in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(5), { maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        async (delays, limit) => {
          const results = await mapWithConcurrency(delays, limit, async (delay, index) => {
            await tick(delay);
            return index * 2;
          });
          expect(results).toEqual(delays.map((_, index) => index * 2));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('never has more than `limit` calls in flight', async () => {
    // Prepare
    let inFlight = 0;
    let most = 0;
    // Act
    await mapWithConcurrency(
      Array.from({ length: 40 }, (_, i) => i % 4),
      8,
      async (delay) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await tick(delay);
        inFlight -= 1;
      },
    );
    // Assess
    expect(most).toBe(8);
  });

  it('rejects when a call fails, and starts no new calls after it', async () => {
    const started: number[] = [];
    await expect(
      mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (item) => {
        started.push(item);
        await tick(1);
        if (item === 1) throw new Error('boom');
        return item;
      }),
    ).rejects.toThrow('boom');
    await tick(20);
    expect(started.length).toBeLessThanOrEqual(3);
  });

  it('answers an empty list without calling anything', async () => {
    expect(await mapWithConcurrency([], 8, async () => 1)).toEqual([]);
  });
});
