import { readBody } from './read-body.js';

/**
 * The fetch the client sends with. It is also given `{ signal }`, the attempt's abort signal, as
 * a second argument (the global fetch honours it). Typed with one parameter so that any handler
 * fits, whatever its own second parameter; one that ignores the signal still sees its attempt
 * time out, because the loop stops waiting for it.
 */
export type FetchLike = (request: Request) => Promise<Response>;
type SendWithSignal = (request: Request, init: { readonly signal: AbortSignal }) => Promise<Response>;

/** The abort reason of an attempt whose time ran out (as opposed to the caller's abort); recognized by identity. */
export const TIMED_OUT = {};

export type Outcome = { response: Response; error?: undefined } | { error: unknown; response?: undefined };

/**
 * One attempt, body included. Resolves (never rejects) with the response or the failure, and
 * settles as soon as the attempt's time is up or `callerSignal` aborts, even if the `fetch` in use
 * ignores its signal. `callerSignal` is null when nothing can abort the call: then no listener is
 * added (one costs about as much as the rest of an attempt).
 */
export function sendAttempt(send: FetchLike, request: Request, callerSignal: AbortSignal | null, ms: number): Promise<Outcome> {
  if (callerSignal?.aborted) return Promise.resolve({ error: callerSignal.reason });
  const init = attemptInit();
  return new Promise<Outcome>((resolve) => {
    // The first call decides; an answer that arrives after its attempt was given up on calls it
    // again, harmlessly: the promise keeps its outcome, and the timer and the listener (the only
    // callers that pass an abort reason) are gone by then.
    const settle = (outcome: Outcome, abortReason?: unknown) => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      if (abortReason !== undefined) init.controller?.abort(abortReason);
      resolve(outcome);
    };
    const onCallerAbort = () => settle({ error: callerSignal!.reason }, callerSignal!.reason);
    const timer = setTimeout(() => settle({ error: TIMED_OUT }, TIMED_OUT), ms);
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    (send as SendWithSignal)(request, init)
      .then(readBody)
      .then(
        (response) => settle({ response }),
        (error: unknown) => settle({ error }),
      );
  });
}

type AttemptInit = { signal: AbortSignal; controller?: AbortController };

/**
 * The second argument of an attempt's fetch, `{ signal }`. Its AbortController is created only if
 * the fetch reads the signal: one is costly to make in Node, and an in-process handler (a mock, a
 * test stub) never looks at it. The getter is one shared function, defined as an own enumerable
 * property (so `{ ...init }` still carries the signal): an object literal with a getter closing
 * over a local is a slow, dictionary-mode object on every attempt.
 */
const attemptInit = (): AttemptInit => Object.defineProperty({} as AttemptInit, 'signal', lazySignal);
const lazySignal = {
  enumerable: true,
  get(this: AttemptInit) {
    return (this.controller ??= new AbortController()).signal;
  },
};
