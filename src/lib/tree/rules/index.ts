import type { Problem } from '../../problem';
import type { TreeContext } from '../context';
import { citesMyth } from './cites-myth';
import { countBands } from './count-bands';
import { cycle } from './cycle';
import { danglingNext } from './dangling-next';
import { duplicateId } from './duplicate-id';
import { emptyQuery } from './empty-query';
import { orphanFactor } from './orphan-factor';
import { outcomeNeedsProAndCon } from './outcome-needs-pro-and-con';
import { startNotQuestion } from './start-not-question';
import { unknownDecides } from './unknown-decides';
import { unknownFactor } from './unknown-factor';
import { unreachable } from './unreachable';

/** The rules of the decision tree, in the order their problems are listed. Adding a rule is adding a file and a line here. */
export const TREE_RULES: readonly ((context: TreeContext) => Problem[])[] = [
  duplicateId,
  startNotQuestion,
  unknownDecides,
  danglingNext,
  unreachable,
  cycle,
  countBands,
  unknownFactor,
  emptyQuery,
  citesMyth,
  outcomeNeedsProAndCon,
  orphanFactor,
];
