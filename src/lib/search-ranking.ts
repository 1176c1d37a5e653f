/**
 * How Pagefind ranks results here (`ranking` of `pagefind.options()`), shared
 * by the search page, the search dialog and the search tests.
 *
 * - `metaWeights.title`: a word in a page's title counts for much more than
 *   in its text, so "kms" puts the KMS guide and the KMS page before the many
 *   pages that mention KMS in passing (Pagefind's default is 5).
 * - `metaWeights.abbr`: the abbreviation a guide or method page is about
 *   (`data-pagefind-meta="abbr"`, see src/components/SearchMeta.astro), so
 *   "ADBA" finds the ADBA guide before recommendations that combine ADBA with
 *   another method.
 * - `metaWeights.aka`: the other form of each abbreviation in the title
 *   (`data-pagefind-meta="aka"`), so "Volume Activation Management Tool"
 *   finds the article titled "VAMT shows …" as if its title said so.
 */
export const SEARCH_RANKING = {
  metaWeights: { title: 8, aka: 8, abbr: 20 },
} as const;
