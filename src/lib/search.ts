/**
 * What the search index needs beyond the page text: the abbreviations that
 * administrators type, paired with their long forms, so that either finds the other.
 */
import type { FilterParam } from './search-client';
import { METHODS, METHOD_IDS, type Tag } from './taxonomy';

export const ALIASES: readonly (readonly [string, string])[] = [
  ['KMS', 'Key Management Service'],
  ['MAK', 'Multiple Activation Key'],
  ['ADBA', 'Active Directory-based activation'],
  ['VAMT', 'Volume Activation Management Tool'],
  ['GVLK', 'Generic Volume License Key'],
  ['CSVLK', 'Customer Specific Volume License Key'],
  ['CMID', 'client machine ID'],
  ['AVMA', 'Automatic Virtual Machine Activation'],
  ['SRV', 'service record'],
];

function mentions(text: string, term: string): boolean {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[- ]/g, '[- ]');
  return new RegExp(`(^|[^A-Za-z0-9])${escaped}($|[^A-Za-z0-9])`, 'i').test(text);
}

/**
 * Both forms of every alias pair that the text mentions in either form:
 * indexed with the page so "Key Management Service" finds a page that only
 * says "KMS" and the other way round, and a page about the term ranks above
 * one that only uses its words in passing.
 */
export function searchAliases(text: string): string[] {
  return ALIASES.filter(([short, long]) => mentions(text, short) || mentions(text, long)).flatMap(([short, long]) => [short, long]);
}

/**
 * Words readers search for a topic that its articles may not use: indexed with
 * every article that carries the tag, so "air gapped" finds the articles about
 * isolated networks.
 */
export const TAG_SYNONYMS: Partial<Readonly<Record<Tag, readonly string[]>>> = {
  'isolated-networks': ['air-gapped', 'air gapped', 'airgapped', 'offline', 'disconnected', 'isolated'],
  'roaming-devices': ['laptops', 'remote workers', 'mobile'],
  'small-sites': ['small business', 'few machines'],
};

/** The aliases a page is indexed with: from its text (ALIASES) and from its tags (TAG_SYNONYMS). */
export function searchTerms(text: string, tags: readonly Tag[] = []): string[] {
  return [...new Set([...searchAliases(text), ...tags.flatMap((tag) => TAG_SYNONYMS[tag] ?? [])])];
}

/** What the search box suggests typing, on the search page and in the search dialog. */
export const SEARCH_PLACEHOLDER = 'Search: KMS, 0xC004F074, SRV record, laptops…';

/** The label of each filter where it is a control of its own (the search dialog's dropdowns). */
export const FILTER_LABELS: Readonly<Record<FilterParam, string>> = { type: 'Kind of page', method: 'Method', stance: 'Pro or con', tag: 'Topic' };

/** The kinds of page that search can be filtered by. */
export const CONTENT_TYPES = { factor: 'Pro or con', guide: 'Guide', outcome: 'Recommendation', scenario: 'Scenario', overview: 'Overview' } as const;
export type ContentType = keyof typeof CONTENT_TYPES;

/** The abbreviation of the method a guide is the main guide of (`kms` → "KMS", `token-based` → "Token"), if any. */
export function guideAbbreviation(guideId: string): string | undefined {
  const method = METHOD_IDS.find((id) => guideId === id || guideId === `${id}-based`);
  return method && METHODS[method].label;
}
