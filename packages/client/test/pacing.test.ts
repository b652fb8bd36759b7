import { describe, expect, it } from 'vitest';
import { createPacer } from '../src/core/pacing.ts';

/** The rate-limit headers of an answer. */
const budget = (remaining: number) => new Headers({ 'X-RateLimit-Limit': '4', 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Reset': '1' });
/** A deadline that has passed: a call that has to wait for the budget gives up at once. */
const past = () => Date.now() - 1;

/** Takes a unit and returns the request's mark, failing if the call had to wait. */
function sendNow(pacer: ReturnType<typeof createPacer>): number {
  expect(pacer.acquire(null, past())).toBeUndefined();
  return pacer.taken();
}

describe('the pacer', () => {
  it('spends what an answer reports when nothing else is on its way', () => {
    const pacer = createPacer();
    pacer.observe(budget(2), Date.now(), sendNow(pacer));
    pacer.observe(budget(1), Date.now(), sendNow(pacer));
    sendNow(pacer);
    expect(pacer.acquire(null, past())).toBeInstanceOf(Promise);
  });

  it('takes the requests still on their way off an answer to concurrent calls', () => {
    const pacer = createPacer();
    pacer.observe(budget(4), Date.now(), sendNow(pacer));
    const marks = [sendNow(pacer), sendNow(pacer), sendNow(pacer), sendNow(pacer)];
    // The first call's answer: the server had counted only that one, the other three are on their way.
    pacer.observe(budget(3), Date.now(), marks[0]!);
    // Reading "3 left" as the budget would send three more calls into a spent one.
    expect(pacer.acquire(null, past())).toBeInstanceOf(Promise);
  });

  it('lets calls go again once the last answer reports budget back', () => {
    const pacer = createPacer();
    pacer.observe(budget(2), Date.now(), sendNow(pacer));
    const marks = [sendNow(pacer), sendNow(pacer)];
    expect(pacer.acquire(null, past())).toBeInstanceOf(Promise);
    // The newest call's answer counts both, and the budget has grown back meanwhile.
    pacer.observe(budget(2), Date.now(), marks[1]!);
    sendNow(pacer);
    sendNow(pacer);
  });
});
