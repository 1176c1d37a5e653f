import type { RootContent } from 'mdast';
import { eachArticle } from './each-article';

/** What renders nothing on the page: link definitions, and footnote definitions (shown only where referenced). */
const RENDERS_NOTHING: ReadonlySet<RootContent['type']> = new Set(['definition', 'footnoteDefinition']);

/**
 * `content/empty-body`: an article whose text, after the frontmatter, renders nothing would get a page with an
 * empty body; the build's page check would refuse it after rendering every page. Reported where the body starts.
 */
export const emptyBody = eachArticle((article) => {
  if (!article.tree || article.tree.children.some((node) => !RENDERS_NOTHING.has(node.type))) return [];
  const lines = article.compiled.split('\n').length;
  return [
    {
      file: article.file,
      line: Math.min(article.split.bodyLine, lines),
      column: 1,
      rule: 'content/empty-body',
      message: 'the article has no text after its frontmatter, so its page would have an empty body — write its text below the closing "---"',
    },
  ];
});
