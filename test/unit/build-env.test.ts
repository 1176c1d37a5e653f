import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build';

// The 5,000-article memory target (BENCHMARKS.md) depends on these being set before the build process starts.
describe('npm run build', () => {
  it('starts Astro with build.env, which makes mimalloc return freed memory at once', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toBe('node --env-file=build.env node_modules/astro/bin/astro.mjs build');
    expect(parseEnv(readFileSync(join(ROOT, 'build.env'), 'utf8'))).toEqual({ MIMALLOC_PURGE_DELAY: '0', _RJEM_MALLOC_CONF: 'dirty_decay_ms:100,muzzy_decay_ms:0' });
  });
});
