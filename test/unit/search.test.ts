import { describe, expect, it } from 'vitest';
import { canonicalFilters, filtersFromUrl, searchAliases } from '../../src/lib/search';
import { isSearchShortcut, urlFor } from '../../src/lib/search-client';

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

  it('spells filter values from a URL as the index does, whatever their case', () => {
    const known = { method: { KMS: 4, MAK: 3 }, stance: { Pro: 5, Con: 2 }, tag: { 'Branch offices': 2 } };
    expect(canonicalFilters({ method: ['mak', 'Kms'], stance: ['CON'], tag: ['branch OFFICES'] }, known)).toEqual({
      method: ['MAK', 'KMS'],
      stance: ['Con'],
      tag: ['Branch offices'],
    });
  });

  it('keeps a filter value the index does not know, and a filter named like an object property', () => {
    expect(canonicalFilters({ method: ['nope'], constructor: ['x'] }, { method: { KMS: 1 } })).toEqual({ method: ['nope'], constructor: ['x'] });
  });
});

describe('the search shortcut', () => {
  const press = (key: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; typing: boolean }> = {}) =>
    isSearchShortcut({ key, ctrlKey: false, metaKey: false, altKey: false, typing: false, ...extra });

  it('opens search on "/", Ctrl+K and Cmd+K', () => {
    expect(press('/')).toBe(true);
    expect(press('k', { ctrlKey: true })).toBe(true);
    expect(press('K', { metaKey: true })).toBe(true);
  });

  it('leaves a "/" typed into a field alone, but Ctrl+K works there too', () => {
    expect(press('/', { typing: true })).toBe(false);
    expect(press('k', { ctrlKey: true, typing: true })).toBe(true);
  });

  it('ignores other keys and other modifier combinations', () => {
    expect(press('k')).toBe(false);
    expect(press('?')).toBe(false);
    expect(press('/', { ctrlKey: true })).toBe(false);
    expect(press('k', { ctrlKey: true, altKey: true })).toBe(false);
    expect(press('k', { ctrlKey: true, metaKey: true })).toBe(false);
  });
});
