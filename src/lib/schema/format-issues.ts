import { z } from 'zod';
import { closest } from '../suggest';

/** A zod issue turned into words a contributor can act on. */
export interface FieldIssue {
  /** Path into the frontmatter, e.g. `['tags', 2]`. */
  path: PropertyKey[];
  /** Short rule id, e.g. `unknown-tag`. */
  rule: string;
  /** `field "tags[2]": unknown value "dsn" — did you mean "dns"? Known values: …` */
  message: string;
  /** The problem is the field's name, not its value (an unknown field). */
  atKey?: boolean;
}

/** `tags[2]`, `sources[0].url`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

function expectedWords(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    array: 'a list',
    object: 'an object with fields',
    number: 'a number',
    int: 'a whole number',
    date: 'a date',
  };
  return words[expected] ?? expected;
}

/**
 * One line per zod issue, prefixed with the field, saying what was expected and
 * what was received, with a "did you mean" for near-miss enum values and field names.
 * `vocabularies` names the list behind an enum field (`tags` → "tag") for the wording.
 */
export function formatIssues(
  schema: z.ZodType,
  error: z.ZodError,
  data: unknown,
  vocabularies: Record<string, string> = {},
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path;
    const field = `field "${fieldName(path)}"`;
    const received = valueAt(data, path);
    const topField = typeof path[0] === 'string' ? path[0] : '';
    if (received === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) {
      issues.push({ path, rule: 'missing-field', message: `${field} is required but missing` });
      continue;
    }
    switch (issue.code) {
      case 'invalid_type': {
        {
          issues.push({
            path,
            rule: 'wrong-type',
            message: `${field}: expected ${expectedWords(issue.expected)}, received ${describe(received)}`,
          });
        }
        break;
      }
      case 'invalid_value': {
        const known = issue.values.map(String);
        const noun = vocabularies[topField] ?? 'value';
        const guess = typeof received === 'string' ? closest(received, known) : undefined;
        const didYouMean = guess ? ` — did you mean "${guess}"?` : '.';
        issues.push({
          path,
          rule: `unknown-${noun.replace(/\s+/g, '-')}`,
          message: `${field}: unknown ${noun} ${describe(received)}${didYouMean} Known ${noun}s: ${known.join(', ')}`,
        });
        break;
      }
      case 'unrecognized_keys': {
        const shapeKeys = objectKeysAt(schema, path);
        for (const key of issue.keys) {
          const guess = closest(key, shapeKeys);
          const keyField = `field "${fieldName([...path, key])}"`;
          issues.push({
            path: [...path, key],
            atKey: true,
            rule: 'unknown-field',
            message: `${keyField} is not a known field${guess ? ` — did you mean "${guess}"?` : '.'}${
              shapeKeys.length ? ` Known fields: ${shapeKeys.join(', ')}` : ''
            }`,
          });
        }
        break;
      }
      case 'too_big':
      case 'too_small': {
        const length = typeof received === 'string' ? ` (it has ${received.length} characters)` : '';
        issues.push({ path, rule: issue.code === 'too_big' ? 'too-long' : 'too-short', message: `${field} ${issue.message}${length}` });
        break;
      }
      case 'invalid_format': {
        issues.push({ path, rule: issue.format === 'regex' ? 'invalid-format' : `invalid-${issue.format}`, message: `${field} ${issue.message}, received ${describe(received)}` });
        break;
      }
      case 'custom': {
        // A refinement names its own rule through `params.rule`, e.g. `myth-needs-correction`.
        const rule = typeof issue.params?.rule === 'string' ? issue.params.rule : 'invalid-value';
        issues.push({ path, rule, message: `${field} ${issue.message}` });
        break;
      }
      default:
        issues.push({ path, rule: 'invalid-value', message: `${field} ${issue.message}` });
    }
  }
  return issues;
}

/** The field names of the object schema found at `path` inside `schema`, for "did you mean". */
export function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  const rest = [...path];
  while (current) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else if (rest.length === 0) {
      return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
    } else if (current instanceof z.ZodObject) {
      current = current.shape[String(rest.shift())] as z.ZodType | undefined;
    } else if (current instanceof z.ZodArray) {
      rest.shift();
      current = current.element as z.ZodType;
    } else {
      return [];
    }
  }
  return [];
}
