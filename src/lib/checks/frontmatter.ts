import type { z } from 'zod';
import { formatIssues } from '../schema/format-issues';
import { factorSchema } from '../schema/factor';
import { guideSchema } from '../schema/guide';
import { splitFrontmatter, type SplitFile } from '../content/frontmatter';
import { checkPlaceholders } from './placeholders';
import type { Problem } from './problem';

/** Names of the closed vocabularies behind enum fields, for messages ("unknown tag"). */
const VOCABULARIES = { tags: 'tag', method: 'method', stance: 'stance' };

/** The schema that a content file must satisfy, chosen by where it lives. */
export function schemaFor(file: string): z.ZodType | undefined {
  if (file.includes('/factors/')) return factorSchema;
  if (file.includes('/guides/')) return guideSchema;
  return undefined;
}

/**
 * Check a content file's frontmatter against its schema; every problem is
 * reported at once with the file, the line of the field and the field named.
 * `split` is the file already split, when the caller has it.
 */
export function checkFrontmatter(file: string, text: string, schema: z.ZodType, split: SplitFile = splitFrontmatter(text)): Problem[] {
  if (split.errors.length) {
    return split.errors.map((error) => ({ file, ...error, rule: 'frontmatter/yaml', message: `frontmatter is not valid YAML: ${error.message}` }));
  }
  const result = schema.safeParse(split.data ?? {});
  const problems: Problem[] = [];
  if (!result.success) {
    for (const issue of formatIssues(schema, result.error, split.data, VOCABULARIES)) {
      problems.push({ file, ...split.locate(issue.path, { atKey: issue.atKey }), rule: `schema/${issue.rule}`, message: issue.message });
    }
  }
  problems.push(...checkPlaceholders(file, split.data, split.locate));
  const data = split.data as Record<string, unknown> | undefined;
  const folderMethod = /\/factors\/([^/]+)\//.exec(file)?.[1];
  if (schema === factorSchema && folderMethod && typeof data?.method === 'string' && data.method !== folderMethod) {
    problems.push({
      file,
      ...split.locate(['method']),
      rule: 'schema/method-folder',
      message: `field "method" is "${data.method}" but the file is in content/factors/${folderMethod}/`,
      hint: `move the file to content/factors/${data.method}/ or set method: ${folderMethod}`,
    });
  }
  return problems;
}
