import { Agent as HttpAgent, request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * POSTs a body with node:http over kept-alive connections and resolves with the status; the
 * response body is drained, not read. Several times cheaper per request than the global fetch,
 * which matters because deliveries share the event loop with the API the mock serves.
 */
export class HttpPoster {
  private readonly http = new HttpAgent({ keepAlive: true, maxSockets: 8 });
  private readonly https = new HttpsAgent({ keepAlive: true, maxSockets: 8 });

  post(url: string, headers: OutgoingHttpHeaders, body: string, signal: AbortSignal): Promise<number> {
    return new Promise((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const request = (secure ? httpsRequest : httpRequest)(
        target,
        { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent: secure ? this.https : this.http, signal },
        (response) => {
          response.on('error', reject);
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.resume();
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
