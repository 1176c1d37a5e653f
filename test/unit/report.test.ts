import { describe, expect, it } from 'vitest';
import { reportSources } from '../../src/lib/tree/report';

describe('the sources of a printed decision', () => {
  it('lists the sources of the cited pros and cons in citation order, each address once', () => {
    const sources: Record<string, { title: string; url: string }[]> = {
      'kms/a': [{ title: 'Plan', url: 'https://learn.microsoft.com/plan' }, { title: 'Host', url: 'https://learn.microsoft.com/host' }],
      'kms/b': [{ title: 'Plan again', url: 'https://learn.microsoft.com/plan' }, { title: 'DNS', url: 'https://learn.microsoft.com/dns' }],
    };
    expect(reportSources(['kms/a', 'kms/b', 'kms/missing'], (id) => sources[id]).map((source) => source.url)).toEqual([
      'https://learn.microsoft.com/plan',
      'https://learn.microsoft.com/host',
      'https://learn.microsoft.com/dns',
    ]);
  });
});
