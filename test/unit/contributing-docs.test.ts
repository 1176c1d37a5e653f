import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  fieldsTable,
  readSection,
  renderSection,
  SECTION_NAMES,
  tagsTable,
  updateSections,
} from '../../src/lib/docs/contributing-tables';
import { factorSchema } from '../../src/lib/schema/factor';
import { TAG_IDS, TAGS } from '../../src/lib/taxonomy';
import { ROOT } from '../helpers/build';

const CONTRIBUTING = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');

describe('CONTRIBUTING.md', () => {
  it.each(SECTION_NAMES)('has an up-to-date generated "%s" table', (name) => {
    const section = readSection(CONTRIBUTING, name);
    expect(section, `CONTRIBUTING.md has no <!-- generated:${name}:start --> … <!-- generated:${name}:end --> markers`).toBeDefined();
    expect(section, `CONTRIBUTING.md is out of date: run \`npm run docs\` to regenerate the "${name}" table`).toBe(renderSection(name));
  });

  it('no longer lists the tags by hand', () => {
    expect(CONTRIBUTING).not.toMatch(/Tags come from one list, `src\/lib\/taxonomy\.ts`: dns,/);
  });
});

describe('the generated tables', () => {
  const fields = fieldsTable();

  it('has one row per schema field, saying whether it is required', () => {
    const rows = fields.split('\n').slice(2);
    expect(rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1])).toEqual(Object.keys(factorSchema.shape));
    expect(fields).toMatch(/^\| `title` \| required \| text, at most 100 characters \| .+ \|$/m);
    expect(fields).toMatch(/^\| `decides` \| optional \| /m);
    expect(fields).toMatch(/^\| `correction` \| optional \| /m);
    // Seven methods are more than a cell spells out: the cell points at the table of methods.
    expect(fields).toMatch(/^\| `method` \| required \| a method id from \[Methods\]\(#methods\) /m);
    expect(fields).toMatch(/^\| `reviewed` \| required \| a date, `YYYY-MM-DD` \| /m);
  });

  it('gives every field a meaning, from .describe() in the schema', () => {
    for (const [name, field] of Object.entries(factorSchema.shape)) {
      expect(field.description, name).toBeTruthy();
      expect(fields, name).toContain(field.description!.replace(/\|/g, '\\|'));
    }
  });

  it('follows the schema: a new field appears with its optionality', () => {
    const extended = factorSchema.extend({ audience: z.enum(['admins', 'managers']).optional().describe('Who it is for.') });
    expect(fieldsTable(extended)).toContain('| `audience` | optional | `admins` or `managers` | Who it is for. |');
  });

  it('lists every tag with its label and description', () => {
    const table = tagsTable();
    for (const id of TAG_IDS) expect(table).toContain(`| \`${id}\` | ${TAGS[id].label} | ${TAGS[id].description} |`);
  });

  it('rewrites only what is between the markers', () => {
    const stale = 'Intro\n\n<!-- generated:tags:start -->\nold table\n<!-- generated:tags:end -->\n\nOutro\n';
    const { text, changed, missing } = updateSections(stale);
    expect(changed).toEqual(['tags']);
    expect(missing).toEqual(['fields', 'methods', 'stances']);
    expect(text.startsWith('Intro\n\n<!-- generated:tags:start -->\n')).toBe(true);
    expect(text.endsWith('\n<!-- generated:tags:end -->\n\nOutro\n')).toBe(true);
    expect(readSection(text, 'tags')).toBe(renderSection('tags'));
    expect(updateSections(text).changed).toEqual([]);
  });
});
