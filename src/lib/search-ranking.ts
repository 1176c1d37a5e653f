/**
 * How Pagefind ranks results here (`ranking` of `pagefind.options()`), shared
 * by the search page, the search dialog and the search tests. A metadata
 * field adds its weight, times how rare the searched words it holds are, to
 * every page whose field holds them; a field holding only some of the words
 * adds much less (Pagefind's coverage).
 *
 * - `title`: a word in a page's title counts for much more than in its text,
 *   so "kms" puts the KMS guide and the KMS page before the many pages that
 *   mention KMS in passing (Pagefind's default is 5).
 * - `abbr`: the abbreviation a guide or method page is about, and its long
 *   form (`data-pagefind-meta="abbr"`, see src/components/SearchMeta.astro), so
 *   "ADBA" finds the ADBA guide before recommendations that combine ADBA with
 *   another method.
 * - `aka`: the other form of each abbreviation in the title, so "Volume
 *   Activation Management Tool" finds the article titled "VAMT shows …" as if
 *   its title said so.
 * - `defines`: the error codes and commands a guide is the reference for
 *   (`searchKeys` in src/lib/search.ts), so `0xC004F074` opens the
 *   troubleshooting entry and `slmgr dlv` the command reference.
 * - `section1`…: the title of each section of a guide, one field per section,
 *   so a question whose words all head one section ("kms count", "activation
 *   count") finds that guide first, and words spread over several sections do not.
 * - `summary`: 0, as the summary is the page's lead paragraph (a recommendation's
 *   rationale), already weighed as its text; counted again as metadata, it would
 *   undo RECOMMENDATION_WEIGHT (src/lib/search.ts) and favour short pages.
 * - `aliases` (ALIASES_FIELD in src/lib/search.ts): Pagefind's default of 1, as
 *   if the page's text held the words once.
 */

/** How many sections of a guide are fields of their own; the sections after the last share its field. */
export const SECTION_FIELDS = 40;

/** The metadata field of a guide's section, by its position (0 for the first section). */
export function sectionField(position: number): string {
  return `section${Math.min(position, SECTION_FIELDS - 1) + 1}`;
}

/** Whether a metadata field is one of a guide's sections (sectionField). */
export function isSectionField(name: string): boolean {
  return /^section\d+$/.test(name);
}

export const SEARCH_RANKING = {
  metaWeights: {
    title: 8,
    aka: 8,
    abbr: 20,
    defines: 20,
    summary: 0,
    ...Object.fromEntries(Array.from({ length: SECTION_FIELDS }, (_, position) => [sectionField(position), 8])),
  } as Readonly<Record<string, number>>,
};
