import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { distDir } from './paths.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** The site's files by URL path, read once: `/` is the page, every other file keeps its name. */
export function readSite(dir: string = distDir): Map<string, { body: Buffer; type: string }> {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = CONTENT_TYPES[extname(name)];
    if (type) files.set(`/${name}`, { body: readFileSync(join(dir, name)), type });
  }
  const page = files.get('/index.html');
  if (!page) throw new Error(`${dir} has no index.html: build the site first`);
  files.set('/', page);
  return files;
}

/**
 * Serves the built site (dist/: the page and the published spec beside it), as a static host
 * such as GitHub Pages would; anything else is 404. Redoc routes with the URL hash, so no other
 * path is ever needed. Listens on 127.0.0.1 only.
 */
export async function serveSite(dir: string = distDir, port = 0): Promise<{ server: Server; url: string }> {
  const files = readSite(dir);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = files.get(path);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (file) {
      response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache' });
      response.end(request.method === 'HEAD' ? undefined : file.body);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}
