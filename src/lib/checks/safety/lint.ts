import type { Definition, Nodes, Root } from 'mdast';
import type { Problem } from '../../problem';
import { checkElement, COMPONENT_HINT } from './elements';
import { isPlainLiteral, type Program } from './literals';
import { reporter, short, type Place, type Report } from './report';
import { checkImage, checkUrl } from './urls';

/*
 * The content safety lint. MDX is code: a plain MDX build runs every `import`,
 * `export` and `{expression}` a contributor writes. So before Astro compiles
 * anything, every article's tree (parsed, never compiled, never evaluated) is
 * walked here, and anything that could run, or that the allow-lists do not
 * cover, is rejected with one problem each.
 */

const EXPRESSION_HINT = 'write the text itself, escape a brace as "&#123;", or put code in `backticks`';

/** Every problem of one article's MDX tree. Any exception is itself a problem: the lint fails closed. */
export function lintSafety(file: string, tree: Root): Problem[] {
  const problems: Problem[] = [];
  const report = reporter(file, problems);
  try {
    const definitions = new Map<string, Definition>();
    collectDefinitions(tree, definitions);
    walk(report, definitions, tree);
  } catch (error) {
    return [{ file, rule: 'safety/parse', message: `the safety lint could not finish, so the file is refused: ${short(String((error as Error)?.message ?? error))}` }];
  }
  return problems;
}

function walk(report: Report, definitions: ReadonlyMap<string, Definition>, node: Nodes): void {
  const at = node.position?.start;
  switch (node.type) {
    case 'mdxjsEsm':
      checkEsm(report, node.value, node.data?.estree, at, node.position?.start.offset ?? 0);
      break;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (!isPlainLiteral(node.value, node.data?.estree)) {
        report(
          at,
          'safety/expression',
          `{${short(node.value)}} is a JavaScript expression, which would run when the site is built; only a plain string or number such as {'<'} or {1688} is allowed`,
          EXPRESSION_HINT,
        );
      }
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      checkElement(report, node, at);
      break;
    case 'link':
      checkUrl(report, node.url, 'link to', at);
      break;
    case 'definition':
      checkUrl(report, node.url, 'link definition', at);
      break;
    case 'image':
      checkUrl(report, node.url, 'image', at);
      checkImage(report, node.url, at);
      break;
    case 'imageReference': {
      const definition = definitions.get(node.identifier);
      if (definition) checkImage(report, definition.url, at);
      break;
    }
  }
  if ('children' in node) for (const child of node.children) walk(report, definitions, child);
}

/** Every import and export is rejected: articles run no code and use no components. */
function checkEsm(report: Report, value: string, program: Program | null | undefined, at: Place | undefined, valueOffset: number): void {
  if (!program) {
    report(at, 'safety/import', `\`${short(value)}\` is not allowed: imports and exports in MDX run as code when the site is built`, COMPONENT_HINT);
    return;
  }
  for (const statement of program.body) {
    const where = statement.loc ? { line: statement.loc.start.line, column: statement.loc.start.column + 1 } : at;
    // estree ranges are offsets in the whole document; the node's value starts at valueOffset.
    const source = statement.range ? value.slice(statement.range[0] - valueOffset, statement.range[1] - valueOffset) || value : value;
    if (statement.type === 'ImportDeclaration') {
      report(where, 'safety/import', `\`${short(source)}\` is not allowed: an import in MDX runs "${short(String(statement.source.value))}" as code when the site is built`, COMPONENT_HINT);
    } else {
      report(where, 'safety/export', `\`${short(source)}\` is not allowed: an export in MDX runs as code when the site is built`, 'remove it; data about the article belongs in the frontmatter');
    }
  }
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition') {
    // Identifiers are already normalised by the parser; the first definition wins, as in CommonMark.
    if (!into.has(node.identifier)) into.set(node.identifier, node);
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}
