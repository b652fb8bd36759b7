import { ApiError } from './errors.js';
import { elide } from './echo.js';
import { MAX_BODY_BYTES, isJsonContentType, type BodyRead } from './http-body.js';

/**
 * The JSON body of a request: 413 over 1 MiB (declared or read), 415 when it is not JSON, 400
 * when it is not UTF-8 or not JSON; `undefined` when there is no body.
 */
export async function readJsonBody(headers: Record<string, string | undefined>, readBody: (limit: number) => Promise<BodyRead>): Promise<unknown> {
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();
  const read = await readBody(MAX_BODY_BYTES);
  if (read.kind === 'too_large') throw tooLarge();
  if (read.bytes.byteLength === 0) return undefined;
  if (!isJsonContentType(headers['content-type'])) {
    throw new ApiError('unsupported_media_type', 'Send the request body as application/json.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    throw new ApiError('malformed_request', 'The request body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError('malformed_request', `The request body is not valid JSON: ${elide((error as Error).message, 200)}`);
  }
}

function tooLarge(): ApiError {
  return new ApiError('payload_too_large', 'The request body exceeds 1 MiB.');
}
