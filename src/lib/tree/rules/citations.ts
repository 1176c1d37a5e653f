import type { TreeContext } from '../context';
import type { Citation } from '../schema';

/** Every citation of the tree, with the node and the words that say where it is ("answer "x"", "the outcome"). */
export function citationsOf(context: TreeContext): { node: string; where: string; citation: Citation }[] {
  return [...context.byId.values()].flatMap((node) =>
    node.type === 'question'
      ? node.answers.flatMap((answer) => answer.cites.map((citation) => ({ node: node.id, where: `answer "${answer.id}"`, citation })))
      : node.cites.map((citation) => ({ node: node.id, where: 'the outcome', citation })),
  );
}
