import type { Nodes } from 'mdast';

/** The estree program MDX attaches to an expression or ESM node. */
export type Program = NonNullable<NonNullable<Extract<Nodes, { type: 'mdxFlowExpression' }>['data']>['estree']>;

/** True for `{'<'}`, `{"x"}`, `{1688}`, and for a comment-only `{/* … *\/}`: nothing there can run. */
export function isPlainLiteral(value: string, program: Program | null | undefined): boolean {
  if (!program) return /^\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\d+(?:\.\d+)?)\s*$/.test(value);
  if (program.body.length === 0) return true;
  if (program.body.length !== 1) return false;
  const [statement] = program.body;
  return (
    statement?.type === 'ExpressionStatement' &&
    statement.expression.type === 'Literal' &&
    (typeof statement.expression.value === 'string' || typeof statement.expression.value === 'number')
  );
}

/** The value of a plain literal, as text. */
export function literalValue(program: Program | null | undefined): string | undefined {
  const [statement] = program?.body ?? [];
  if (statement?.type === 'ExpressionStatement' && statement.expression.type === 'Literal') return String(statement.expression.value);
  return undefined;
}
