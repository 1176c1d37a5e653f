import { describe, expect, it } from 'vitest';
import { searchAliases } from '../../src/lib/search';
import { filtersFromUrl, urlFor, withHighlight } from '../../src/scripts/search-page';

describe('searchAliases', () => {
  it('adds the long form of an abbreviation the text uses, and the other way round', () => {
    expect(searchAliases('Install the KMS host key.')).toEqual(['KMS', 'Key Management Service']);
    expect(searchAliases('Use the Volume Activation Management Tool.')).toEqual(['VAMT', 'Volume Activation Management Tool']);
  });

  it('matches whole words only, ignoring case and hyphen or space in long forms', () => {
    expect(searchAliases('KMSclient and makeshift remarks')).toEqual([]);
    expect(searchAliases('active directory based activation')).toEqual(['ADBA', 'Active Directory-based activation']);
  });
});

describe('search page URLs', () => {
  it('reads the query filters it understands and ignores others', () => {
    const params = new URLSearchParams('q=dns&method=KMS&method=MAK&tag=DNS&colour=red');
    expect(filtersFromUrl(params)).toEqual({ method: ['KMS', 'MAK'], tag: ['DNS'] });
  });

  it('writes a shareable URL that reads back the same', () => {
    const url = urlFor('SRV record', { stance: ['Con'], method: ['KMS'] });
    expect(url).toBe('/search/?q=SRV+record&method=KMS&stance=Con');
    const params = new URL(url, 'http://x').searchParams;
    expect([params.get('q'), filtersFromUrl(params)]).toEqual(['SRV record', { method: ['KMS'], stance: ['Con'] }]);
    expect(urlFor('')).toBe('/search/');
  });

  it('adds a text fragment that highlights the searched words on the opened page', () => {
    expect(withHighlight('/factors/mak/limited-activations/', 'reinstall')).toBe('/factors/mak/limited-activations/#:~:text=reinstall');
    expect(withHighlight('/guides/troubleshooting/#0xc004f074', '0xC004F074')).toBe('/guides/troubleshooting/#0xc004f074:~:text=0xC004F074');
    expect(withHighlight('/guides/kms/', '  ')).toBe('/guides/kms/');
  });
});
