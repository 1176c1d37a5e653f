import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PAGEFIND_ENV, withEnv } from '../../src/integrations/search-index';

const NAME = 'VAG_TEST_WITH_ENV';
const childSees = () => spawnSync(process.execPath, ['-e', `process.stdout.write(process.env.${NAME} ?? '(unset)')`], { encoding: 'utf8' }).stdout;

describe('withEnv (the environment the Pagefind process starts with)', () => {
  it('gives a process spawned inside it the variables, and restores process.env afterwards', () => {
    delete process.env[NAME];
    expect(withEnv({ [NAME]: 'set' }, childSees)).toBe('set');
    expect(process.env[NAME]).toBeUndefined();
    expect(childSees()).toBe('(unset)');
  });

  it('leaves a variable that is already set as it is, and restores the environment when `start` throws', () => {
    process.env[NAME] = 'mine';
    try {
      expect(withEnv({ [NAME]: 'set' }, childSees)).toBe('mine');
      expect(process.env[NAME]).toBe('mine');
      delete process.env[NAME];
      expect(() =>
        withEnv({ [NAME]: 'set' }, () => {
          throw new Error('no start');
        }),
      ).toThrow('no start');
      expect(process.env[NAME]).toBeUndefined();
    } finally {
      delete process.env[NAME];
    }
  });

  it('only tunes jemalloc, which Pagefind allocates with', () => {
    expect(Object.keys(PAGEFIND_ENV)).toEqual(['_RJEM_MALLOC_CONF']);
  });
});
