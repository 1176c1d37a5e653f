import { describe, expect, it } from 'vitest';
import { lastUpdated, parseLastChanged } from '../../src/lib/git';

describe('parseLastChanged', () => {
  it('takes the newest commit that touched each file', () => {
    const log = [
      '',
      '2026-11-20T10:00:00+00:00\n\ncontent/factors/kms/a.mdx\ncontent/guides/kms.mdx\n',
      '2026-10-01T09:00:00+02:00\n\ncontent/factors/kms/a.mdx\ncontent/factors/mak/b.mdx\n',
    ].join('\0');
    const dates = parseLastChanged(log);
    expect(dates.get('content/factors/kms/a.mdx')?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(dates.get('content/factors/mak/b.mdx')?.toISOString()).toBe('2026-10-01T07:00:00.000Z');
    expect(dates.size).toBe(3);
  });
});

describe('lastUpdated', () => {
  it('falls back to the review date for a file git knows nothing about', () => {
    const reviewed = new Date('2026-01-15T00:00:00Z');
    expect(lastUpdated('content/factors/kms/not-committed-anywhere.mdx', reviewed)).toEqual({ date: reviewed, fromHistory: false });
    expect(lastUpdated(undefined, reviewed)).toEqual({ date: reviewed, fromHistory: false });
  });
});
