import type { Page } from 'playwright-core';

/** What the page measured (performance marks) in one page load. */
interface SeenTimings {
  firstPictureMs: number | null;
  readyMs: number | null;
  stepMs: number[];
  reloadMs: number[];
}

/** The explorer's own timings, one entry per page load, read after each test: printed, never asserted (tests check correctness, not time). */
export class TimingRecorder {
  private readonly timings: SeenTimings[] = [];

  async record(page: Page): Promise<void> {
    const seen = await page
      .evaluate(() => {
        const hook = (globalThis as unknown as { __explorer?: SeenTimings }).__explorer;
        return hook ? { firstPictureMs: hook.firstPictureMs, readyMs: hook.readyMs, stepMs: [...hook.stepMs], reloadMs: [...hook.reloadMs] } : null;
      })
      .catch(() => null);
    if (!seen) return;
    const { timings } = this;
    const last = timings[timings.length - 1];
    // The same page load as last time: its steps so far replace the earlier reading.
    if (last && last.firstPictureMs === seen.firstPictureMs) timings[timings.length - 1] = seen;
    else timings.push(seen);
  }

  report(): string {
    const { timings } = this;
    const firsts = timings.map((t) => t.firstPictureMs).filter((value): value is number => value !== null);
    const steps = timings.flatMap((t) => t.stepMs).sort((a, b) => a - b);
    const at = (q: number) => steps[Math.max(0, Math.ceil(q * steps.length) - 1)];
    const ms = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(0)} ms`);
    return [
      'explorer timings seen by the browser tests (Malmö seed; targets: first picture 3000 ms, step 300 ms):',
      `  first picture per page load: ${firsts.map((value) => ms(value)).join(', ')}`,
      `  the page ready (sigma holds the union: labels, hover, clicks): ${timings.map((t) => ms(t.readyMs ?? undefined)).join(', ')}`,
      `  slider steps (drawn from the union the page holds): ${steps.length}, median ${ms(at(0.5))}, p95 ${ms(at(0.95))}, max ${ms(steps[steps.length - 1])}`,
      `  another area or filter (a new union fetched): ${timings.flatMap((t) => t.reloadMs).map((value) => ms(value)).join(', ') || 'none'}`,
    ].join('\n');
  }
}
