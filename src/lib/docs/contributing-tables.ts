/**
 * The tables of CONTRIBUTING.md that must never drift from the code: the factor
 * frontmatter fields (from the zod schema and its `.describe()` texts) and the
 * vocabulary (from taxonomy.ts). `npm run docs` writes them between marker
 * comments; test/unit/contributing-docs.test.ts fails when they are stale.
 */
import { z } from 'zod';
import { factorSchema } from '../schema/factor';
import { METHOD_IDS, METHODS, STANCE_IDS, STANCES, TAG_IDS, TAGS } from '../taxonomy';

/** The part of JSON Schema that zod emits for our schemas. */
interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  examples?: unknown[];
  description?: string;
}

/** Fields whose values come from a vocabulary table further down CONTRIBUTING.md. */
const VOCABULARY_TABLES: Record<string, { noun: string; anchor: string; heading: string }> = {
  method: { noun: 'method', anchor: '#methods', heading: 'Methods' },
  stance: { noun: 'stance', anchor: '#stances', heading: 'Stances' },
  tags: { noun: 'tag', anchor: '#tags', heading: 'Tags' },
};

/** Enums up to this size are spelled out; longer ones point at their table. */
const SPELL_OUT_MAX = 6;

/** Escape text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: unknown): string {
  return `\`${String(text)}\``;
}

/** `a`, `b` or `c` */
function orList(values: readonly unknown[]): string {
  const items = values.map(code);
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The frontmatter schema as JSON Schema (input side, so transforms and defaults are what a contributor writes). */
function jsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      // YAML reads an unquoted 2026-01-15 as a date.
      if (ctx.zodSchema._zod.def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date' });
    },
  }) as JsonSchema;
}

/** What a value may be, in a few words: "`kms`, `mak`, `adba` or `token`", "text, at most 100 characters". */
export function allowedValues(schema: JsonSchema, field = '', depth = 0): string {
  if (schema.anyOf) {
    const options = schema.anyOf.map((option) => allowedValues(option, field, depth));
    // A date, or the same date as text: say it once.
    const dates = options.filter((option) => option.startsWith('a date'));
    return [...new Set(dates.length ? dates : options)].join(' or ');
  }
  if (schema.enum) {
    const vocabulary = VOCABULARY_TABLES[field];
    if (vocabulary && schema.enum.length > SPELL_OUT_MAX) return `a ${vocabulary.noun} id from [${vocabulary.heading}](${vocabulary.anchor})`;
    const values = orList(schema.enum);
    return vocabulary ? `${values} (see [${vocabulary.heading}](${vocabulary.anchor}))` : values;
  }
  if (schema.type === 'array' && schema.items) {
    const count = schema.minItems ? ` of at least ${schema.minItems}` : '';
    return `a list${count}, each ${allowedValues(schema.items, field, depth + 1)}`;
  }
  if (schema.type === 'object' && schema.properties) {
    const keys = Object.keys(schema.properties);
    const shape = code(`{ ${keys.join(', ')} }`);
    if (depth > 1) return shape;
    const required = new Set(schema.required ?? []);
    const parts = keys.map(
      (key) => `${code(key)}${required.has(key) ? '' : ' (optional)'} ${allowedValues(schema.properties![key]!, key, depth + 2)}`,
    );
    return `${shape}: ${parts.join('; ')}`;
  }
  if (schema.type === 'string') {
    if (schema.format === 'date') return `a date, ${code('YYYY-MM-DD')}`;
    if (schema.format === 'uri') return 'an http(s) address';
    if (schema.pattern) return schema.examples?.length ? `text like ${code(schema.examples[0])}` : `text matching ${code(schema.pattern)}`;
    if (schema.maxLength) return `text, at most ${schema.maxLength} characters`;
    return 'text';
  }
  if (schema.type === 'number' || schema.type === 'integer') return 'a number';
  if (schema.type === 'boolean') return '`true` or `false`';
  return 'any value';
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Every frontmatter field of a factor article: name, required or optional, allowed values, meaning. */
export function fieldsTable(schema: z.ZodType = factorSchema): string {
  const root = jsonSchema(schema);
  const required = new Set(root.required ?? []);
  const rows = Object.entries(root.properties ?? {}).map(([name, field]) => [
    code(name),
    required.has(name) ? 'required' : 'optional',
    allowedValues(field, name),
    field.description ?? '',
  ]);
  return table(['Field', 'Required', 'Allowed values / format', 'Meaning'], rows);
}

/** The methods of taxonomy.ts. */
export function methodsTable(): string {
  return table(
    ['ID', 'Label', 'Name', 'In one sentence'],
    METHOD_IDS.map((id) => [code(id), METHODS[id].label, METHODS[id].name, METHODS[id].blurb]),
  );
}

/** The stances of taxonomy.ts. */
export function stancesTable(): string {
  return table(['ID', 'Label', 'Listed under'], STANCE_IDS.map((id) => [code(id), STANCES[id].label, STANCES[id].plural]));
}

/** The tags of taxonomy.ts; each has a page at /tags/<id>/. */
export function tagsTable(): string {
  return table(['ID', 'Label', 'Description'], TAG_IDS.map((id) => [code(id), TAGS[id].label, TAGS[id].description]));
}

/** The generated sections of CONTRIBUTING.md, by marker name, with the file each comes from. */
export const GENERATED_SECTIONS = {
  fields: { source: 'src/lib/schema/factor.ts', render: () => fieldsTable() },
  methods: { source: 'src/lib/taxonomy.ts', render: methodsTable },
  stances: { source: 'src/lib/taxonomy.ts', render: stancesTable },
  tags: { source: 'src/lib/taxonomy.ts', render: tagsTable },
} as const;

export type SectionName = keyof typeof GENERATED_SECTIONS;
export const SECTION_NAMES = Object.keys(GENERATED_SECTIONS) as SectionName[];

/** `<!-- generated:tags:start -->` and its end marker. */
export function markers(name: string): { start: string; end: string } {
  return { start: `<!-- generated:${name}:start -->`, end: `<!-- generated:${name}:end -->` };
}

/** What belongs between the markers of a section: a do-not-edit note and the table. */
export function renderSection(name: SectionName): string {
  const section = GENERATED_SECTIONS[name];
  return `<!-- Generated by \`npm run docs\` from ${section.source}: change that file, not this table. -->\n\n${section.render()}`;
}

function bounds(markdown: string, name: string): { from: number; to: number } | undefined {
  const { start, end } = markers(name);
  const startAt = markdown.indexOf(start);
  const endAt = markdown.indexOf(end, startAt + start.length);
  if (startAt < 0 || endAt < 0) return undefined;
  return { from: startAt + start.length, to: endAt };
}

/** The text between a section's markers (trimmed), or undefined when the markers are missing. */
export function readSection(markdown: string, name: string): string | undefined {
  const at = bounds(markdown, name);
  return at && markdown.slice(at.from, at.to).trim();
}

/**
 * Rewrite every generated section of `markdown`. Returns the new text, the
 * sections whose content changed and those whose markers are missing.
 */
export function updateSections(markdown: string): { text: string; changed: SectionName[]; missing: SectionName[] } {
  let text = markdown;
  const changed: SectionName[] = [];
  const missing: SectionName[] = [];
  for (const name of SECTION_NAMES) {
    const at = bounds(text, name);
    if (!at) {
      missing.push(name);
      continue;
    }
    const rendered = renderSection(name);
    if (text.slice(at.from, at.to).trim() !== rendered) changed.push(name);
    text = `${text.slice(0, at.from)}\n${rendered}\n\n${text.slice(at.to)}`;
  }
  return { text, changed, missing };
}
