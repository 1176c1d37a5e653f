import type { Problem } from '../../problem';
import { isAnswerRef, type TreeContext } from '../context';

/** Every `decides` entry of a factor names an answer of the tree. */
export function unknownDecides(context: TreeContext): Problem[] {
  return context.factors.flatMap((factor) =>
    (factor.decides ?? [])
      .filter((ref) => !isAnswerRef(ref, context.byId))
      .map((ref) => ({ file: factor.file, rule: 'tree/unknown-decides', message: `field "decides": "${ref}" is not an answer in ${context.file}`, hint: 'write question-id/answer-id' })),
  );
}
