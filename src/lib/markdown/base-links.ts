import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { prefixBase } from '../routes';

export interface BaseLinksOptions {
  /** Astro's `base`: '/' at the root of a domain, '/volume-activation-guide/' for a project site. */
  base: string;
}

/** Attributes of an article's HTML that hold a URL the browser asks the site for. */
const URL_PROPERTIES = ['href', 'src', 'action', 'poster'] as const;

/**
 * A rehype plugin: the root-relative links an author writes in an article (`/factors/kms/branch-offices/`) get the
 * site's base in front (`/volume-activation-guide/factors/kms/branch-offices/`), so the article works when the site
 * is served under a path. Sources keep root-relative links, which the content checks resolve against the routes;
 * at the root of a domain (base '/') nothing changes.
 */
export function rehypeBaseLinks({ base }: BaseLinksOptions) {
  const prefix = base.replace(/\/+$/, '');
  return (tree: Root) => {
    if (!prefix) return;
    visit(tree, 'element', (element) => {
      for (const name of URL_PROPERTIES) {
        const value = element.properties[name];
        if (typeof value === 'string') element.properties[name] = prefixBase(prefix, value);
      }
      // `srcset`: each comma-separated candidate's URL.
      const srcset = element.properties.srcSet;
      if (typeof srcset === 'string') element.properties.srcSet = srcset.replace(/(^|,\s*)(\S+)/g, (_, lead: string, url: string) => `${lead}${prefixBase(prefix, url)}`);
    });
  };
}
