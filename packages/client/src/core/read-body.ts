/**
 * Reads a response's whole body within its attempt, then lets openapi-fetch's later
 * `text()`/`json()` call return what was read. The body is still read once, as without the client,
 * but a connection that drops mid-body is a failed attempt (retried) rather than an error after the
 * retries are over. The text is kept on the response itself under a private symbol (a WeakMap
 * entry per response costs more, mostly in GC).
 */
export async function readBody(response: Response): Promise<Response> {
  const read = response as ReadResponse;
  read[BODY] = await response.text();
  read.text = cachedText;
  read.json = cachedJson;
  return read;
}

const BODY = Symbol();
type ReadResponse = Response & { [BODY]: string };
async function cachedText(this: ReadResponse) {
  return this[BODY];
}
async function cachedJson(this: ReadResponse) {
  return JSON.parse(this[BODY]) as unknown;
}
