import type { TestProject } from 'vitest/node';
import { buildSite } from '../helpers/build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The build of the real content that the build tests share: its output folder, exit status and log. */
    siteBuild: { outDir: string; status: number | null; output: string };
  }
}

/**
 * Build the real content once for every build test that reads it (the site, its byte budgets, the portable edition):
 * one build instead of three. A test that needs other content or options builds its own fixture.
 */
export default function setup(project: TestProject) {
  const { outDir, status, output } = buildSite('site', 'content');
  project.provide('siteBuild', { outDir, status, output });
}
