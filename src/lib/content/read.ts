import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { short, type Problem } from '../problem';
import type { ArticleCollection } from '../collections';
import { remarkPlugins } from '../markdown/pipeline';
import { bomProblem, characterProblems, decodeUtf8 } from './characters';
import { compiledBody, splitFrontmatter, type SplitFile } from './frontmatter';
import { delimiterProblem } from './delimiters';
import { nestingProblem } from './nesting';
import { SIZE_LIMIT_KB, sizeProblem } from './walk';

/** One article, read once: its frontmatter with positions and one MDX tree, as the build will see them. */
export interface Article {
  collection: ArticleCollection;
  /** Collection id: the path below the collection folder without `.mdx`, e.g. `kms/branch-offices`. */
  id: string;
  /** Path relative to the content folder, e.g. `factors/kms/branch-offices.mdx`. */
  entry: string;
  /** Path for messages, relative to the project root. */
  file: string;
  split: SplitFile;
  /** The text the MDX compiler receives (the file with its frontmatter blanked), which `tree` was parsed from. */
  compiled: string;
  /** The MDX tree of the whole file, frontmatter blanked: positions are those of the file. Absent when MDX cannot parse it. */
  tree?: Root;
  /** Where and why MDX could not parse the file. */
  syntaxError?: { line: number; column: number; reason: string };
}

/** What reading one file gave: the article, or the problems that stop it before any other check. */
export type ReadResult = { article: Article; problems: [] } | { article?: undefined; problems: Problem[] };

/** The parser of the build: remark with MDX and the site's remark plugins (src/lib/markdown/pipeline.ts), as the compiler has them. */
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkPlugins);

/**
 * Read one article: decode it (UTF-8 only, without a byte order mark or the
 * characters content/characters.ts refuses), refuse nesting deeper than the
 * parsers can take and paragraphs of emphasis markers that cost them more than linear time, split the
 * frontmatter and parse the body once. Never
 * throws: anything unexpected is a `safety/parse` problem naming the file.
 */
export function readArticle(collection: ArticleCollection, entry: string, file: string, bytes: Uint8Array | string): ReadResult {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  if (size > SIZE_LIMIT_KB * 1024) return { problems: [sizeProblem(file, size)] };
  const decoded = decodeUtf8(file, bytes, 'safety');
  if (decoded.problem) return { problems: [decoded.problem] };
  const { text } = decoded;
  const bom = bomProblem(file, text, 'safety');
  if (bom) return { problems: [bom] };
  const characters = characterProblems(file, text, 'safety');
  if (characters.length) return { problems: characters };
  const nesting = nestingProblem(file, text);
  if (nesting) return { problems: [nesting] };
  const delimiters = delimiterProblem(file, text);
  if (delimiters) return { problems: [delimiters] };
  try {
    const id = entry.slice(collection.folder.length + 1).replace(/\.mdx$/, '');
    const article: Article = { collection, id, entry, file, split: splitFrontmatter(text), compiled: compiledBody(text) };
    try {
      article.tree = parser.parse(article.compiled);
    } catch (error) {
      const syntax = syntaxError(error);
      if (!syntax) throw error;
      article.syntaxError = syntax;
    }
    return { article, problems: [] };
  } catch (error) {
    return { problems: [{ file, rule: 'safety/parse', message: `the file cannot be read safely, so it is refused: ${short(String((error as Error)?.message ?? error))}`, hint: 'simplify the Markdown; deeply nested quotes, lists or tags are the usual cause' }] };
  }
}

/** A parse error that MDX reports with a position (a syntax mistake), as opposed to a crash. */
function syntaxError(error: unknown): Article['syntaxError'] | undefined {
  const caught = error as { reason?: string; message?: string; line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
  if (!caught || typeof caught.reason !== 'string') return undefined;
  const start = caught.place && 'start' in caught.place ? caught.place.start : caught.place;
  return { line: start?.line ?? caught.line ?? 1, column: start?.column ?? caught.column ?? 1, reason: caught.reason };
}
