import { z } from 'zod';
import { answerIdSchema, nodeIdSchema } from './tree-ids';
import { reviewedSchema, summarySchema, titleSchema } from './fields';

const fact = (what: string) => z.string().trim().min(1, 'must not be empty').describe(what);

/** The organisation of a worked scenario, in a few short facts a reader can compare with their own. */
export const organisationSchema = z.strictObject({
  size: fact('How many users, PCs and servers, e.g. "300 users, 320 PCs, 12 servers".'),
  domain: fact('Active Directory or Microsoft Entra, and which machines are joined.'),
  sites: fact('Where the machines are and how the sites connect.'),
  laptops: fact('Laptops or other devices that leave the network, and for how long.').optional(),
  products: fact('What has to be activated: Windows editions and versions, Office.'),
  network: fact('Limits of the network: no internet, DNS without SRV records, firewalls.').optional(),
});

/**
 * A worked scenario (content/scenarios/<slug>.yaml): an organisation, the answers
 * it gives in the decision tree and the outcome they must reach. The build fails
 * when the answers no longer lead there, so a change of advice shows in review.
 */
export const scenarioSchema = z.strictObject({
  title: titleSchema.describe('The organisation in a few words; the page heading.'),
  summary: summarySchema.describe('One sentence: who they are and what the tree recommends for them.'),
  organisation: organisationSchema.describe('The facts of the organisation that the answers depend on.'),
  path: z
    .array(answerIdSchema)
    .min(1, 'give at least one answer')
    .describe('The answer ids the organisation gives in the tree, from the first question to an outcome, as in /decide/?path=….'),
  outcome: nodeIdSchema.describe('The id of the outcome the path must reach.'),
  why: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .describe('A short narrative: why these answers, and why the recommendation fits. Paragraphs separated by a blank line; `code` and [links](/guides/…/) allowed.'),
  reviewed: reviewedSchema.describe('The day you last walked the scenario through the tree; not in the future.'),
});

export type Scenario = z.output<typeof scenarioSchema>;
