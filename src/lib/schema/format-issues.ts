import { z } from 'zod';
import { closest } from '../suggest';

/** A zod issue turned into words a contributor can act on. */
export interface FieldIssue {
  /** Path into the frontmatter, e.g. `['tags', 2]`. */
  path: PropertyKey[];
  /** Short rule id, e.g. `unknown-tag`. */
  rule: string;
  /** What is wrong, without the field: `unknown tag "dsn" — did you mean "dns"? Known tags: …` */
  text: string;
  /** The field and what is wrong with it: `field "tags[2]": unknown tag "dsn" — did you mean "dns"? Known tags: …` */
  message: string;
  /** The problem is the field's name, not its value (an unknown field). */
  atKey?: boolean;
}

/** The result of `parseFields`: the parsed value, or every problem with it. */
export type FieldsResult<T> = { success: true; data: T } | { success: false; issues: FieldIssue[] };

/** `tags[2]`, `sources[0].url`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** A received value in words: `"dsn"`, `number 1.5`, `a list`, `nothing`. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'an object with fields',
  number: 'a number',
  int: 'a whole number',
  date: 'a date',
};

/** Issues that say a value is of the wrong kind: a missing field when there is no value. */
const VALUE_CODES = new Set(['invalid_type', 'invalid_value', 'invalid_union']);

/** The word for the list an enum field's values come from, named after the top field (`tags` → "tag"). */
function nounOf(path: readonly PropertyKey[] | undefined, vocabularies: Record<string, string>): string {
  const top = path?.[0];
  return (typeof top === 'string' && vocabularies[top]) || 'value';
}

/**
 * Zod's error map for contributors' files: the words for the issues a schema gives no message of its own,
 * made where zod reports them, from the value it received (`iss.input`). An enum value gets a "did you mean"
 * and the list it comes from, named by `vocabularies` after the top field (`tags` → "unknown tag"); an unknown
 * field the fields of its object, one line per unknown field.
 */
function contributorErrors(vocabularies: Record<string, string>): z.core.$ZodErrorMap {
  return (iss) => {
    switch (iss.code) {
      case 'invalid_type':
        return `expected ${EXPECTED_WORDS[iss.expected] ?? iss.expected}, received ${describe(iss.input)}`;
      case 'invalid_value': {
        const known = iss.values.map(String);
        const noun = nounOf(iss.path, vocabularies);
        const guess = typeof iss.input === 'string' ? closest(iss.input, known) : undefined;
        return `unknown ${noun} ${describe(iss.input)}${guess ? ` — did you mean "${guess}"?` : '.'} Known ${noun}s: ${known.join(', ')}`;
      }
      case 'unrecognized_keys': {
        const fields = iss.inst instanceof z.ZodObject ? Object.keys(iss.inst.shape) : [];
        return iss.keys
          .map((key) => {
            const guess = closest(key, fields);
            return `is not a known field${guess ? ` — did you mean "${guess}"?` : '.'}${fields.length ? ` Known fields: ${fields.join(', ')}` : ''}`;
          })
          .join('\n');
      }
      default:
        return undefined;
    }
  };
}

/** The rule an issue breaks, and what it says without the field. */
function describeIssue(issue: z.core.$ZodIssue, vocabularies: Record<string, string>): { rule: string; text: string } {
  if (issue.input === undefined && VALUE_CODES.has(issue.code)) return { rule: 'missing-field', text: 'is required but missing' };
  switch (issue.code) {
    case 'invalid_type':
      return { rule: 'wrong-type', text: issue.message };
    case 'invalid_value':
      return { rule: `unknown-${nounOf(issue.path, vocabularies).replace(/\s+/g, '-')}`, text: issue.message };
    case 'too_big':
    case 'too_small': {
      const length = typeof issue.input === 'string' ? ` (it has ${issue.input.length} characters)` : '';
      return { rule: issue.code === 'too_big' ? 'too-long' : 'too-short', text: `${issue.message}${length}` };
    }
    case 'invalid_format':
      return { rule: issue.format === 'regex' ? 'invalid-format' : `invalid-${issue.format}`, text: `${issue.message}, received ${describe(issue.input)}` };
    case 'custom':
      // A refinement names its own rule through `params.rule`, e.g. `myth-needs-correction`.
      return { rule: typeof issue.params?.rule === 'string' ? issue.params.rule : 'invalid-value', text: issue.message };
    default:
      return { rule: 'invalid-value', text: issue.message };
  }
}

/**
 * Parse a contributor's data with `schema`: the value, or one issue per problem, each prefixed with the field,
 * saying what was expected and what was received, with a "did you mean" for near-miss enum values and field
 * names. `vocabularies` names the list behind an enum field (`tags` → "tag") for the wording.
 */
export function parseFields<S extends z.ZodType>(schema: S, data: unknown, vocabularies: Record<string, string> = {}): FieldsResult<z.output<S>> {
  const result = schema.safeParse(data, { error: contributorErrors(vocabularies), reportInput: true });
  if (result.success) return { success: true, data: result.data };
  const issues = result.error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      const texts = issue.message.split('\n');
      return issue.keys.map((key, index) => {
        const path = [...issue.path, key];
        const text = texts[index] ?? texts[0]!;
        return { path, atKey: true, rule: 'unknown-field', text, message: `field "${fieldName(path)}" ${text}` };
      });
    }
    const { rule, text } = describeIssue(issue, vocabularies);
    // A value of the wrong kind reads `field "x": expected …`, `field "x": unknown tag …`; the rest `field "x" must …`.
    const colon = rule !== 'missing-field' && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
    return [{ path: issue.path, rule, text, message: `field "${fieldName(issue.path)}"${colon ? ':' : ''} ${text}` }];
  });
  return { success: false, issues };
}
