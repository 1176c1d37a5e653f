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

const answersSchema = z
  .array(answerIdSchema)
  .min(1, 'give at least one answer')
  .max(40, 'a walk through the tree is never that long');

/** A number of machines in a part of an estate. */
const machineCount = (what: string) => z.number().int().min(0, 'must not be negative').max(1_000_000, 'is too large').default(0).describe(what);

/** One walk through the tree: for Windows (first answer `windows`) or for Office (`office`), and the outcome it must reach. */
export const walkSchema = z.strictObject({
  path: answersSchema.describe('The answer ids of this walk, from the first question to an outcome.'),
  outcome: nodeIdSchema.describe('The id of the outcome the path must reach.'),
});

/**
 * A part of an estate in a scenario written as a plan: its counts, the KMS host
 * it uses, and a walk per product. The build judges the count questions on its
 * walks against the counts, added up over the parts that share a KMS host.
 */
export const scenarioPartSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters').describe('The part in a few words: "Head office", "Branch in Leeds".'),
    counts: z
      .strictObject({
        clients: machineCount('Windows clients of this part that would ask a KMS host.'),
        servers: machineCount('Windows servers of this part that would ask a KMS host.'),
        office: machineCount('Volume-licensed Office installations of this part that would ask a KMS host.'),
      })
      .optional()
      .describe('The machines of this part that would ask a KMS host; when given, the build checks the count answers of its walks against them.'),
    kmsHost: z.string().trim().min(1, 'must not be empty').optional().describe('The name of another part whose KMS host this part uses; leave out for its own.'),
    windows: walkSchema.optional().describe('The walk for Windows; its path starts with `windows`.'),
    office: walkSchema.optional().describe('The walk for Office; its path starts with `office`.'),
  })
  .refine((part) => part.windows || part.office, { message: 'give at least one walk: "windows" or "office"', params: { rule: 'too-short' } });

/**
 * A worked scenario (content/scenarios/<slug>.yaml): an organisation, the answers
 * it gives in the decision tree and the outcome they must reach. The build fails
 * when the answers no longer lead there, so a change of advice shows in review.
 */
export const scenarioSchema = z.strictObject({
  title: titleSchema.describe('The organisation in a few words; the page heading.'),
  summary: summarySchema.describe('One sentence: who they are and what the tree recommends for them.'),
  organisation: organisationSchema.describe('The facts of the organisation that the answers depend on.'),
  path: answersSchema
    .optional()
    .describe('For a scenario of one walk: the answer ids the organisation gives in the tree, from the first question to an outcome, as in /decide/?path=….'),
  outcome: nodeIdSchema.optional().describe('For a scenario of one walk: the id of the outcome the path must reach.'),
  parts: z
    .array(scenarioPartSchema)
    .min(1, 'give at least one part')
    .max(20, 'a plan has at most 20 parts')
    .optional()
    .describe('For a scenario written as a plan, instead of path and outcome: the parts of the estate, each with its counts and walks.'),
  why: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .describe('A short narrative: why these answers, and why the recommendation fits. Paragraphs separated by a blank line; `code` and [links](/guides/…/) allowed.'),
  reviewed: reviewedSchema.describe('The day you last walked the scenario through the tree; not in the future.'),
}).superRefine((scenario, context) => {
  const single = scenario.path !== undefined || scenario.outcome !== undefined;
  if (single && scenario.parts) context.addIssue({ code: 'custom', path: ['parts'], message: 'give either "path" and "outcome" or "parts", not both', params: { rule: 'conflict' } });
  else if (!single && !scenario.parts) context.addIssue({ code: 'custom', path: ['path'], message: 'give "path" and "outcome", or "parts" for a plan of several walks', params: { rule: 'missing' } });
  else if (single && (!scenario.path || !scenario.outcome)) context.addIssue({ code: 'custom', path: [scenario.path ? 'outcome' : 'path'], message: 'give both "path" and "outcome"', params: { rule: 'missing' } });
});

export type Scenario = z.output<typeof scenarioSchema>;
