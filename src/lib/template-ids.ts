/*
 * Ids the site's templates give their own elements, declared once: the collections reserve them on their pages
 * (collections.ts), the tree refuses them as node ids (schema/tree-ids.ts) and the link checks accept them
 * (checks/page-ids.ts). test/unit/page-ids.test.ts keeps them equal to the templates.
 */

/**
 * Ids the shared layout (src/layouts/Base.astro) gives every page: the skip link's target, the menu and the
 * search dialog.
 */
export const LAYOUT_IDS = ['main', 'site-menu', 'search-dialog'] as const;

/**
 * Ids the decision tree's page (src/pages/decide/index.astro) gives its own elements besides the layout's: its
 * sections' headings, and `tree-index`, which holds the tree's data for its script.
 */
export const DECIDE_PAGE_IDS = ['trail-title', 'plan-title', 'scenarios-title', 'tree-index'] as const;
