// A worker thread of checkContentFolderInParallel (content.ts): checks files
// from the shared list until none is left, and sends back what it found.
//
// Node runs the TypeScript modules as they are (type stripping); the hook
// below only adds the ".ts" that their relative imports leave out. Where that
// fails (an older Node, syntax that stripping cannot handle), the worker
// fails and the main thread checks the files itself.
import { registerHooks } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (/^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier)) {
      try {
        return nextResolve(`${specifier}.ts`, context);
      } catch {
        // Not a TypeScript module: resolve it as written.
      }
    }
    return nextResolve(specifier, context);
  },
});

const { claimContentFiles } = await import('./content.ts');
const { root, contentDir, paths, counter } = workerData;
parentPort.postMessage(claimContentFiles(root, contentDir, paths, counter));
