import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stock Firefox driven over WebDriver BiDi, the protocol Firefox ships with:
 * Playwright drives only its own patched Firefox, which cannot be downloaded
 * here. Enough of the protocol to open pages, run script in them, and hear of
 * every console message and request.
 */
export const FIREFOX = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => path && existsSync(path));

export interface Firefox {
  /** Open a URL in the one tab and wait until it has loaded. */
  open(url: string): Promise<void>;
  /** Evaluate an expression in the page (awaited if it is a promise) and return its value. */
  evaluate<T>(expression: string): Promise<T>;
  reload(): Promise<void>;
  back(): Promise<void>;
  /** Console errors, CSP violations and every request that is not for a file (`data:` aside), so far. */
  problems: string[];
  close(): Promise<void>;
}

type Message = { id?: number; method?: string; params?: Record<string, any>; result?: any; error?: string; message?: string };

export async function launchFirefox(): Promise<Firefox> {
  if (!FIREFOX) throw new Error('no Firefox: set FIREFOX_PATH');
  const profile = mkdtempSync(join(tmpdir(), 'vag-firefox-'));
  const child: ChildProcess = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start: ${seen.slice(-500)}`)), 30_000);
    child.stderr!.on('data', (chunk) => {
      seen += String(chunk);
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  const socket = new WebSocket(`${endpoint}/session`);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', reject);
  });
  const problems: string[] = [];
  const pending = new Map<number, (message: Message) => void>();
  let next = 0;
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as Message;
    if (message.id !== undefined) pending.get(message.id)?.(message);
    else if (message.method === 'log.entryAdded' && message.params?.level === 'error') problems.push(`console: ${message.params.text}`);
    else if (message.method === 'network.beforeRequestSent') {
      const url = String(message.params?.request?.url ?? '');
      if (!url.startsWith('file:') && !url.startsWith('data:')) problems.push(`request: ${url}`);
    }
  });
  const send = (method: string, params: object = {}) =>
    new Promise<any>((resolve, reject) => {
      const id = ++next;
      pending.set(id, (message) => {
        pending.delete(id);
        if (message.error) reject(new Error(`${method}: ${message.error}: ${message.message}`));
        else resolve(message.result);
      });
      socket.send(JSON.stringify({ id, method, params }));
    });

  await send('session.new', { capabilities: {} });
  await send('session.subscribe', { events: ['log.entryAdded', 'network.beforeRequestSent'] });
  await send('script.addPreloadScript', {
    functionDeclaration: `() => document.addEventListener('securitypolicyviolation', (event) => console.error('CSP: ' + event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline')), true)`,
  });
  const context: string = (await send('browsingContext.getTree', {})).contexts[0].context;

  return {
    problems,
    open: (url) => send('browsingContext.navigate', { context, url, wait: 'complete' }),
    reload: () => send('browsingContext.reload', { context, wait: 'complete' }),
    back: () => send('browsingContext.traverseHistory', { context, delta: -1 }),
    async evaluate<T>(expression: string): Promise<T> {
      const result = await send('script.evaluate', { expression, target: { context }, awaitPromise: true, serializationOptions: { maxDomDepth: 0 } });
      if (result.type === 'exception') throw new Error(`in Firefox: ${result.exceptionDetails.text}`);
      return result.result.value as T;
    },
    async close() {
      await send('session.end').catch(() => undefined);
      socket.close();
      child.kill();
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
