#!/usr/bin/env node
// The self-hosted production server (`npm start`, the demo, the e2e suite and the browser benchmarks): Next's own
// request handler, plus the build's scripts and stylesheets sent brotli-compressed from the `.br` files the build
// wrote (scripts/lib/precompress.ts). `next start` compresses everything with gzip as it sends it; a CDN (Vercel's
// included) sends brotli, 13–14 % smaller for the boot scripts, so this is what a phone gets in production too
// (docs/quality.md, "ninth round"). Everything else, and any browser that doesn't accept brotli, goes to Next.
//
//   node scripts/serve.mjs [-p <port>] [-H <hostname>]      (PORT and HOSTNAME work too; defaults 3000, all hosts)
//
// Plain JavaScript on purpose: a production server starts with nothing but node and the build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const STATIC_PREFIX = '/_next/static/';
const CONTENT_TYPES = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Whether an Accept-Encoding header accepts brotli: a `br` token whose q-value, if any, is above 0 (RFC 9110, section 12.5.3).
 * @param {string | string[] | undefined} header
 */
export function acceptsBrotli(header) {
  const value = Array.isArray(header) ? header.join(',') : header ?? '';
  for (const part of value.split(',')) {
    const [token = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (token !== 'br') continue;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/**
 * The brotli files of a build, by the URL path of the file they compress (`/_next/static/chunks/x.js`). Only names
 * found on disk when the server starts are ever served, so no request path reaches the file system.
 * @param {string} distDir
 * @returns {Map<string, { file: string; type: string }>}
 */
export function precompressedIndex(distDir) {
  const index = new Map();
  const root = path.join(distDir, 'static');
  if (!existsSync(root)) return index;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.br')) {
        const source = full.slice(0, -3);
        const type = CONTENT_TYPES[path.extname(source)];
        if (type && existsSync(source)) index.set(STATIC_PREFIX + path.relative(root, source).split(path.sep).join('/'), { file: full, type });
      }
    }
  };
  walk(root);
  return index;
}

/**
 * The headers next.config.ts gives every matching response (`headers()`, as the build wrote them to
 * routes-manifest.json), so a file sent from here carries the same security headers as one Next sends.
 * @param {string} distDir
 * @returns {(pathname: string) => [string, string][]}
 */
export function configuredHeaders(distDir) {
  const manifestPath = path.join(distDir, 'routes-manifest.json');
  const rules = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')).headers ?? [] : [];
  const compiled = rules.map((rule) => ({ regex: new RegExp(rule.regex), headers: rule.headers.map((h) => [h.key, h.value]) }));
  return (pathname) => compiled.filter((rule) => rule.regex.test(pathname)).flatMap((rule) => rule.headers);
}

/**
 * Answers a GET or HEAD for a precompressed build file from a browser that accepts brotli; returns false (and sends
 * nothing) for every other request. Build files are named by their content, so they are cached for a year.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ index: Map<string, { file: string; type: string }>; headersFor: (pathname: string) => [string, string][]; cache?: Map<string, Buffer> }} build
 */
export function servePrecompressed(req, res, build) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const pathname = (req.url ?? '').split('?')[0] ?? '';
  const entry = pathname.startsWith(STATIC_PREFIX) ? build.index.get(pathname) : undefined;
  if (!entry || !acceptsBrotli(req.headers['accept-encoding'])) return false;
  const cache = build.cache ?? (build.cache = new Map());
  let body = cache.get(entry.file);
  if (!body) cache.set(entry.file, (body = readFileSync(entry.file)));
  for (const [key, value] of build.headersFor(pathname)) res.setHeader(key, value);
  res.setHeader('Content-Type', entry.type);
  res.setHeader('Content-Encoding', 'br');
  res.setHeader('Content-Length', body.length);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } } });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = values.hostname ?? process.env.HOSTNAME;
  const distDir = path.resolve('.next');
  if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
    console.error('No production build in .next: run `npm run build` first.');
    process.exit(1);
  }
  process.env.NODE_ENV = 'production';
  const { default: next } = await import('next');
  const build = { index: precompressedIndex(distDir), headersFor: configuredHeaders(distDir) };
  const app = next({ dev: false, port, hostname: hostname ?? 'localhost' });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    if (servePrecompressed(req, res, build)) return;
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.listen(port, hostname, () => console.log(`AutoCoach is listening on http://${hostname ?? 'localhost'}:${port} (${build.index.size} build files precompressed)`));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.close();
      Promise.resolve(app.close?.()).finally(() => process.exit(0));
      setTimeout(() => process.exit(0), 3000).unref();
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
