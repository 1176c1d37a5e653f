import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build';

// Pagefind's peak memory at 5,000 articles (BENCHMARKS.md) depends on this being set before the build process starts.
describe('npm run build', () => {
  it('starts Astro with build.env, which makes Pagefind return freed memory after 100 ms', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toBe('node --env-file=build.env node_modules/astro/bin/astro.mjs build');
    expect(parseEnv(readFileSync(join(ROOT, 'build.env'), 'utf8'))).toEqual({ _RJEM_MALLOC_CONF: 'dirty_decay_ms:100,muzzy_decay_ms:0' });
  });
});
