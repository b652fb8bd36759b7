/**
 * A scripted stand-in for the API, for the tests where the exact answer sequence (and its exact
 * headers) is the point: each request takes the next reply of the script, and every request is
 * recorded with its headers and body.
 */
export type Reply =
  | Response
  | ((request: Request) => Response | Promise<Response>)
  | { reset: true }
  | { hang: true };

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: string | null;
  /** Date.now() when it arrived (fake time under fake timers). */
  at: number;
}

export interface ScriptedServer {
  fetch(request: Request): Promise<Response>;
  requests: RecordedRequest[];
  /** Appends replies to the script. */
  then(...replies: Reply[]): ScriptedServer;
}

export function scriptedServer(script: Reply[], fallback?: Reply): ScriptedServer {
  const queue = [...script];
  const requests: RecordedRequest[] = [];
  const server: ScriptedServer = {
    requests,
    then(...replies) {
      queue.push(...replies);
      return server;
    },
    async fetch(request) {
      const url = new URL(request.url);
      requests.push({
        method: request.method,
        path: url.pathname,
        query: url.searchParams,
        headers: new Headers(request.headers),
        body: request.body === null ? null : await request.text(),
        at: Date.now(),
      });
      const reply = queue.shift() ?? fallback;
      if (reply === undefined) throw new Error(`scripted server: no reply left for ${request.method} ${url.pathname}`);
      if (reply instanceof Response) return reply.clone();
      if (typeof reply === 'function') return reply(request);
      if ('reset' in reply) throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
      return new Promise<Response>((_, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      });
    },
  };
  return server;
}

let requestCounter = 0;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  requestCounter += 1;
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': `req_${requestCounter}`, ...headers },
  });
}

const typeOf: Record<number, string> = {
  400: 'invalid_request', 401: 'authentication', 403: 'permission', 404: 'not_found', 409: 'conflict',
  422: 'invalid_request', 429: 'rate_limit', 500: 'internal', 503: 'unavailable',
};

/** An error answer in the API's one error shape; `correlationId` equals its `X-Request-Id`. */
export function apiError(status: number, code: string, headers: Record<string, string> = {}, message = `failed with ${code}`): Response {
  const requestId = `req_err_${(requestCounter += 1)}`;
  return new Response(
    JSON.stringify({ type: typeOf[status] ?? 'internal', code, message, correlationId: requestId, details: null }),
    { status, headers: { 'Content-Type': 'application/json', 'X-Request-Id': requestId, ...headers } },
  );
}

export const vault = (id: string) => ({ id, name: `Vault ${id}`, createdAt: '2026-01-14T09:32:07Z', updatedAt: '2026-01-14T09:32:07Z' });
