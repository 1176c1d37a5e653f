import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import type { HeaderRule } from '../../src/lib/csp';
import { matchesHeaderPath, parseHeadersFile } from './headers-file';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export interface ServeOptions {
  /**
   * Send the headers of `<root>/_headers` (Netlify / Cloudflare Pages format)
   * with every response whose path matches a rule, as those hosts do.
   */
  headers?: boolean;
  /**
   * Serve the site under this path (`/volume-activation-guide/`), as GitHub Pages serves a project site: the
   * file for `<prefix>factors/…` is `<root>/factors/…`, and a request outside the prefix gets a bare 404.
   */
  prefix?: string;
  /**
   * Gzip text responses for clients that accept it, as GitHub Pages, Netlify and
   * Cloudflare do: what Lighthouse measures is then what a reader downloads.
   */
  compress?: boolean;
  /**
   * Send this `Vary` header with every response (`Origin`, as some hosts do), after `Accept-Encoding` when
   * compressing: what a browser stores under it must still be found.
   */
  vary?: string;
  /** Called with the path of every request, before it is answered: what a reader downloads. */
  onRequest?: (path: string) => void;
}

/** Types a static host compresses: text, not images or WebAssembly. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.webmanifest']);

/** Serve a built site from `root` on 127.0.0.1 the way a static host would (folder → index.html, 404.html). */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<{ url: string; server: Server }> {
  const rules: HeaderRule[] = options.headers ? parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8')) : [];
  const prefix = options.prefix ?? '/';
  const server = createServer((request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    options.onRequest?.(requested);
    if (!requested.startsWith(prefix)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${requested} is outside ${prefix}`);
      return;
    }
    const path = `/${requested.slice(prefix.length)}`;
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    // The host reads _headers; it never serves it.
    const found = existsSync(file) && statSync(file).isFile() && path !== '/_headers';
    const target = found ? file : join(root, '404.html');
    const headers: Record<string, string> = { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' };
    for (const rule of rules) if (matchesHeaderPath(rule.path, requested)) Object.assign(headers, rule.headers);
    const gzip = options.compress && COMPRESSIBLE.has(extname(target)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (gzip) Object.assign(headers, { 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
    if (options.vary) headers.vary = headers.vary ? `${headers.vary}, ${options.vary}` : options.vary;
    response.writeHead(found ? 200 : 404, headers);
    const body = createReadStream(target);
    if (gzip) body.pipe(createGzip()).pipe(response);
    else body.pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}
