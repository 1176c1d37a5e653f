import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { receiveMessageOnPort, MessageChannel, Worker } from 'node:worker_threads';

/** Most pixels a local image may have (width × height): the build decodes every pixel to optimise it. */
export const MAX_IMAGE_PIXELS = 25_000_000;

/** How long decoding every image of one check may take, in milliseconds. */
const DECODE_TIMEOUT_MS = 60_000;

/*
 * Run in a worker, because both calls are asynchronous and the checks are not: the calls the build makes on an
 * image an article imports. Astro's `imageMetadata` (astro/assets/utils, the image-size reader Astro ships), whose
 * refusal stops `astro build`; then sharp, Astro's image service, which reads the header and decodes every pixel
 * to optimise the image. The service tolerates damage (`failOn: "none"`) and, when sharp still fails, publishes the
 * file unoptimised and broken as it is, with a warning; the check refuses both (`failOn: "error"`).
 */
const WORKER = String.raw`
const { workerData } = require('node:worker_threads');
const { readFile } = require('node:fs/promises');
const { port, flag, paths, modules, maxPixels } = workerData;
(async () => {
  try {
    const { imageMetadata } = await import(modules.astro);
    const sharp = (await import(modules.sharp)).default;
    sharp.cache(false);
    const verdicts = [];
    for (const path of paths) {
      let data;
      try {
        data = await readFile(path);
      } catch (error) {
        verdicts.push('cannot be read: ' + (error.code || String(error)));
        continue;
      }
      let size;
      try {
        size = await imageMetadata(data, path);
      } catch {
        verdicts.push('does not decode as an image: Astro finds no width, height and format in it, so the build would stop on it');
        continue;
      }
      try {
        // The header as the image service reads it, then every pixel.
        const { width = 0, height = 0 } = await sharp(data).metadata();
        if (width * height > maxPixels) {
          verdicts.push('is ' + width + ' × ' + height + ' pixels, over the limit of ' + maxPixels.toLocaleString('en') + ' pixels');
          continue;
        }
        await sharp(data, { failOn: 'error', pages: -1, limitInputPixels: maxPixels }).resize({ width: 32, height: 32, fit: 'inside' }).raw().toBuffer();
        verdicts.push(null);
      } catch (error) {
        const reason = String((error && error.message) || error).split('\n')[0].replace(/[\s:]+$/, '').slice(0, 80);
        verdicts.push('does not decode as an image (' + reason + ')');
      }
    }
    port.postMessage({ verdicts });
  } catch (error) {
    port.postMessage({ error: String((error && error.message) || error).split('\n')[0] });
  } finally {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  }
})();
`;

/**
 * Decode each image file as the build will, waiting for the result: for each path, why the build cannot use it
 * (it would stop, or publish it broken), or undefined when it decodes. Anything unexpected (the decoder missing,
 * no answer in time) is a verdict on every path: the check fails closed.
 */
export function decodeImages(paths: readonly string[]): (string | undefined)[] {
  if (!paths.length) return [];
  const everyPath = (why: string) => paths.map(() => why);
  let modules: { astro: string; sharp: string };
  try {
    const require = createRequire(import.meta.url);
    // sharp as Astro finds it: from Astro's own folder.
    const fromAstro = createRequire(require.resolve('astro/package.json'));
    modules = { astro: pathToFileURL(require.resolve('astro/assets/utils')).href, sharp: pathToFileURL(fromAstro.resolve('sharp')).href };
  } catch (error) {
    return everyPath(`cannot be checked: the build's image decoder is not installed (${(error as Error).message.split('\n')[0]})`);
  }
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, { eval: true, workerData: { port: port2, flag, paths, modules, maxPixels: MAX_IMAGE_PIXELS }, transferList: [port2] });
  // A worker that fails after the wait is over has nothing more to say: its error must not end the process.
  worker.on('error', () => {});
  try {
    if (Atomics.wait(flag, 0, 0, DECODE_TIMEOUT_MS) === 'timed-out') return everyPath(`cannot be checked: decoding took over ${DECODE_TIMEOUT_MS / 1000} s`);
    const answer = receiveMessageOnPort(port1)?.message as { verdicts?: (string | null)[]; error?: string } | undefined;
    if (!answer?.verdicts) return everyPath(`cannot be checked: ${answer?.error ?? 'the image decoder gave no answer'}`);
    return answer.verdicts.map((verdict) => verdict ?? undefined);
  } finally {
    port1.close();
    void worker.terminate();
  }
}
