import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { MockCore } from '../core.js';
import { ApiError } from '../errors.js';
import { route } from '../router.js';

/**
 * node:http answers requests its parser refuses (headers over 16 KiB, a method token that is
 * not a method such as `BREW` or `get`, broken framing) by itself, with an empty body and none
 * of the contract's headers. This `clientError` handler answers them in the API's Error schema
 * instead, with `X-Request-Id` and rate-limit headers, then closes the connection: after a
 * parse error the rest of the stream cannot be trusted.
 */
export function answerClientError(core: MockCore, error: Error & { code?: string; rawPacket?: Buffer }, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'HPE_CLOSED_CONNECTION') {
    socket.destroy();
    return;
  }
  const requestLine = parseRequestLine(error.rawPacket);
  const method = requestLine?.method ?? '';
  const path = requestLine?.path ?? '';
  let apiError: ApiError;
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    apiError = new ApiError('request_header_fields_too_large', 'The request headers exceed 16 KiB. Send fewer or shorter headers.');
  } else if (error.code === 'HPE_INVALID_METHOD' && requestLine) {
    // methods are case-sensitive tokens: `get` is not GET
    const match = route(method, path);
    apiError =
      match.kind === 'method_not_allowed'
        ? new ApiError('method_not_allowed', `${clip(method, 20)} is not allowed on ${clip(path, 200)}; use ${match.allow.join(' or ')}.`, null, { allow: match.allow.join(', ') })
        : new ApiError('route_not_found', `No operation has the path ${clip(path, 200)}.`);
  } else {
    apiError = new ApiError('malformed_request', 'The request is not valid HTTP/1.1 and could not be read.');
  }
  const response = core.refuse(apiError, socket.remoteAddress ?? '0.0.0.0', clip(method, 20), clip(path, 200));
  const body = Buffer.from(response.body);
  const head = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`];
  for (const [name, value] of Object.entries(response.headers)) head.push(`${name}: ${value}`);
  head.push(`content-length: ${body.byteLength}`, 'connection: close', '', '');
  socket.end(Buffer.concat([Buffer.from(head.join('\r\n'), 'latin1'), body]));
}

/** The method and path of the request line, when the packet starts with one. */
function parseRequestLine(packet: Buffer | undefined): { method: string; path: string } | null {
  if (!packet) return null;
  const text = packet.subarray(0, 8192).toString('latin1');
  const match = /^([^\s]{1,64}) (\S{1,8000}) HTTP\/\d\.\d\r?\n/.exec(text);
  if (!match) return null;
  let path = match[2] as string;
  try {
    path = new URL(path, 'http://mock.invalid').pathname;
  } catch {
    // left as sent
  }
  return { method: match[1] as string, path };
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
