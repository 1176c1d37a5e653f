import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/lib/suggest';

describe('closest', () => {
  it('finds the intended word for a typo', () => {
    expect(closest('dsn', ['dns', 'deployment'])).toBe('dns');
    expect(closest('Renewl', ['renewal', 'roaming-devices'])).toBe('renewal');
  });

  it('suggests nothing when no word is close', () => {
    expect(closest('printers', ['dns', 'renewal'])).toBeUndefined();
  });

  it('measures edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
