import type { z } from 'zod';
import type { SplitFile } from '../../content/frontmatter';
import type { Problem } from '../../problem';
import { parseFields } from '../../schema/format-issues';
import { eachArticle } from './each-article';

/** Names of the closed vocabularies behind enum fields, for messages ("unknown tag"). */
const VOCABULARIES = { tags: 'tag', method: 'method', stance: 'stance' };

/**
 * `frontmatter/yaml` and `schema/*`: the frontmatter parses as the build
 * parses it and satisfies its collection's schema; every problem at once,
 * with the line of the field and the field named.
 */
export function checkFrontmatter(file: string, split: SplitFile, schema: z.ZodType): Problem[] {
  if (split.errors.length) {
    return split.errors.map((error) => ({ file, ...error, rule: 'frontmatter/yaml', message: `frontmatter is not valid YAML: ${error.message}` }));
  }
  const result = parseFields(schema, split.data ?? {}, VOCABULARIES);
  if (result.success) return [];
  return result.issues.map((issue) => ({
    file,
    ...split.locate(issue.path, { atKey: issue.atKey }),
    rule: `schema/${issue.rule}`,
    message: issue.message,
  }));
}

export const frontmatter = eachArticle((article) => checkFrontmatter(article.file, article.split, article.collection.schema));
