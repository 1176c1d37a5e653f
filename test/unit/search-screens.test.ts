import { describe, expect, it } from 'vitest';
import { COMMON_QUERIES, ESCAPE_HINTS, escapeAction, FILTER_LABELS, FILTER_VALUES, orderFilterValues, SEARCH_FILTERS, searchWordsFromPath } from '../../src/lib/search';
import { FILTER_PARAMS } from '../../src/lib/search-client';
import { METHOD_IDS, METHODS, TAG_IDS, TAGS } from '../../src/lib/taxonomy';

describe('the filters of every search screen', () => {
  it('offers every filter a search URL carries, each under one name', () => {
    expect([...SEARCH_FILTERS].sort()).toEqual([...FILTER_PARAMS].sort());
    expect(new Set(SEARCH_FILTERS.map((filter) => FILTER_LABELS[filter])).size).toBe(SEARCH_FILTERS.length);
  });

  it('lists the values of a filter in the order of the taxonomy, with any other value after them', () => {
    expect(FILTER_VALUES.method).toEqual(METHOD_IDS.map((id) => METHODS[id].label));
    expect(FILTER_VALUES.tag).toEqual(TAG_IDS.map((id) => TAGS[id].label));
    expect(orderFilterValues('method', ['MAK', 'Microsoft 365 Apps', 'KMS', 'Zeta', 'Alpha', 'KMS'])).toEqual(['KMS', 'MAK', 'Microsoft 365 Apps', 'Alpha', 'Zeta']);
    expect(orderFilterValues('stance', ['Con', 'Classic claim, corrected', 'Pro'])).toEqual(['Pro', 'Con', 'Classic claim, corrected']);
  });
});

describe('Escape in the search dialog', () => {
  it('folds an open filter list first, then clears the words, then closes', () => {
    expect(escapeAction({ listOpen: true, query: 'kms' })).toBe('close-list');
    expect(escapeAction({ listOpen: false, query: 'kms' })).toBe('clear');
    expect(escapeAction({ listOpen: false, query: '' })).toBe('close');
    expect(Object.values(ESCAPE_HINTS).every((hint) => hint.length > 0)).toBe(true);
  });
});

describe('the search for a missing page', () => {
  it('searches for the words of the address, without the folders of the routes', () => {
    expect(searchWordsFromPath('/guides/kms-host-lifecycle/')).toBe('kms host lifecycle');
    expect(searchWordsFromPath('/factors/kms/branch_offices/index.html')).toBe('kms branch offices');
    expect(searchWordsFromPath('/decide/outcomes/adba-plus-kms/')).toBe('adba plus kms');
  });

  it('leaves out the base the site is served under, decodes the address, and keeps an error code whole', () => {
    expect(searchWordsFromPath('/volume-activation-guide/guides/0xC004F074/', '/volume-activation-guide/')).toBe('0xc004f074');
    expect(searchWordsFromPath('/guides/d%C3%A9p%C3%B4t/')).toBe('dépôt');
    expect(searchWordsFromPath('/guides/%E0%A4%A/')).toBe('e0 a4');
    expect(searchWordsFromPath('/')).toBe('');
  });

  it('keeps at most six words, each once', () => {
    expect(searchWordsFromPath('/a1/b2/c3/d4/e5/f6/g7/a1/')).toBe('a1 b2 c3 d4 e5 f6');
  });
});

describe('the suggestions of the search page', () => {
  it('suggests a handful of distinct searches', () => {
    expect(COMMON_QUERIES.length).toBeGreaterThanOrEqual(4);
    expect(new Set(COMMON_QUERIES).size).toBe(COMMON_QUERIES.length);
  });
});
