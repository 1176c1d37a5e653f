import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listFiles } from './build';

/** What a test expects of a factor, read straight from its file (not through the site's code). */
export interface FixtureFactor {
  url: string;
  title: string;
  method: string;
  stance: string;
  tags: string[];
}

export function readFactors(contentDir: string): FixtureFactor[] {
  const dir = join(contentDir, 'factors');
  return listFiles(dir)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const data = parse(text.split('---')[1]!) as Omit<FixtureFactor, 'url'>;
      return { ...data, url: `/factors/${file.replace(/\.mdx$/, '')}/` };
    });
}
