import type { TestProject } from 'vitest/node';
import { buildSite } from '../helpers/build';
import { serveStatic } from '../helpers/serve';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Build the real site once and serve it on 127.0.0.1 for every browser test. */
export default async function setup(project: TestProject) {
  const build = buildSite('e2e', 'content');
  if (build.status !== 0) throw new Error(`The site did not build:\n${build.output}`);
  const { url, server } = await serveStatic(build.outDir);
  project.provide('baseUrl', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
