/** The portable edition's own files in the copy, and the global its search index assigns. */
export const PORTABLE_ASSETS = {
  script: '_portable/portable.js',
  style: '_portable/portable.css',
  searchIndex: '_portable/search-index.js',
} as const;

/** The global that the search index script assigns and the portable search page reads. */
export const SEARCH_GLOBAL = 'VAG_SEARCH_DOCUMENTS';
