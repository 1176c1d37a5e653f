import { describe, expect, it } from 'vitest';
import { globExcept, weighRecommendation } from '../../src/integrations/search-index';
import { INDEX_EXCLUDE, leftOutOfIndex, RECOMMENDATION_WEIGHT, searchKeys } from '../../src/lib/search';
import { isSectionField, SEARCH_RANKING, SECTION_FIELDS, sectionField } from '../../src/lib/search-ranking';

describe('searchKeys: what a guide is the reference for', () => {
  const guide = [
    'Intro with `slmgr /dlv` in passing and 0xC004F074 in a sentence.',
    '## The client cannot reach a KMS host',
    '### 0xC004F074',
    'Text.',
    '## [Activation](/guides/mak/) *counts* ##',
    '| Command | What it does |',
    '| --- | --- |',
    '| `slmgr /dlv [<ActivationID>]` | Detailed information. |',
    '| `ospp.vbs /inpkey:<key>` | Installs a key. |',
    '| Interval | `slmgr /sri` |',
    '#### Too deep to be a section',
  ].join('\n');

  it('defines the error codes that head a section and the commands that start a table row, without placeholders', () => {
    expect(searchKeys(guide).defines).toEqual(['0xC004F074', 'slmgr /dlv', 'ospp.vbs /inpkey:']);
  });

  it('lists the title of every section and subsection, as words', () => {
    expect(searchKeys(guide).sections).toEqual(['The client cannot reach a KMS host', '0xC004F074', 'Activation counts']);
  });

  it('reads no section or command in a code block', () => {
    expect(searchKeys(['```powershell', '## not a section', '| `not a command` |', '```', '## A section'].join('\n'))).toEqual({ defines: [], sections: ['A section'] });
  });

  it('finds nothing in a guide with no sections or tables', () => {
    expect(searchKeys('Just a paragraph about `slmgr /ato`.')).toEqual({ defines: [], sections: [] });
  });
});

describe('the ranking of sections', () => {
  it('weighs a field per section, and gives the sections after the last field that field', () => {
    expect(sectionField(0)).toBe('section1');
    expect(sectionField(SECTION_FIELDS - 1)).toBe(`section${SECTION_FIELDS}`);
    expect(sectionField(SECTION_FIELDS + 7)).toBe(`section${SECTION_FIELDS}`);
    for (let position = 0; position < SECTION_FIELDS; position++) expect(SEARCH_RANKING.metaWeights[sectionField(position)]).toBeGreaterThan(0);
    expect(Object.keys(SEARCH_RANKING.metaWeights).filter(isSectionField)).toHaveLength(SECTION_FIELDS);
    expect(['title', 'defines', 'sections'].some(isSectionField)).toBe(false);
  });
});

describe('indexing the recommendation pages apart', () => {
  it('globs every HTML file but those of one folder, from the folders that hold pages', () => {
    const files = ['404.html', 'decide/index.html', 'decide/map/index.html', 'decide/outcomes/kms/index.html', 'downloads/a/index.html', 'favicon.svg', 'guides/kms/index.html', 'index.html', 'media/logo.png'];
    expect(globExcept(files, 'decide/outcomes')).toBe('{*.html,decide/*.html,decide/map/**/*.html,downloads/**/*.html,guides/**/*.html}');
  });

  it('escapes a folder name that would read as glob syntax', () => {
    expect(globExcept(['a{b}/index.html', 'decide/outcomes/x/index.html'], 'decide/outcomes')).toBe('{a\\{b\\}/**/*.html}');
  });

  it('weighs a recommendation’s rationale, its summary, below a paragraph, and leaves the rest as it is', () => {
    const html = '<h1 data-pagefind-weight="10">KMS</h1><p class="rationale" data-pagefind-meta="summary">Run a host.</p><p>Other.</p>';
    expect(weighRecommendation(html)).toBe(
      `<h1 data-pagefind-weight="10">KMS</h1><p class="rationale" data-pagefind-meta="summary" data-pagefind-weight="${RECOMMENDATION_WEIGHT}">Run a host.</p><p>Other.</p>`,
    );
    expect(RECOMMENDATION_WEIGHT).toBeLessThan(1);
    expect(weighRecommendation('<p>No summary.</p>')).toBe('<p>No summary.</p>');
  });
});

describe('what the index leaves out, online and in the portable edition', () => {
  it('gives Pagefind the selectors of what only a printout shows and of a recommendation’s parts but its title and rationale', () => {
    expect(INDEX_EXCLUDE).toEqual(['.print-only', '.node.outcome > :not(.node-title):not(.rationale)']);
  });

  it('leaves out the same elements when read by their classes', () => {
    const recommendation = ['node', 'outcome'];
    expect(leftOutOfIndex(['print-only', 'report-meta'], ['article'])).toBe(true);
    expect(leftOutOfIndex(['path-notes'], recommendation)).toBe(true);
    expect(leftOutOfIndex([], recommendation)).toBe(true);
    expect(leftOutOfIndex(['node-title'], recommendation)).toBe(false);
    expect(leftOutOfIndex(['rationale'], recommendation)).toBe(false);
    // A question of the tree is a node too, and a note outside a recommendation is the page's own text.
    expect(leftOutOfIndex(['path-notes'], ['node', 'question'])).toBe(false);
    expect(leftOutOfIndex(['path-notes'], ['scenario'])).toBe(false);
  });
});
