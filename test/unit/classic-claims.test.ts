import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/lib/checks/run';
import { formatProblem } from '../../src/lib/problem';
import { byStance, classicClaims, comparisonMatrix, type ClaimSummary } from '../../src/lib/factors';
import { linkTree, type FactorRef } from '../../src/lib/tree/link';
import { readTreeFile } from '../../src/lib/tree/load';

/** Corrected classic claims (`stance: myth`) are their own kind: never a pro or con. */

const FILE = 'content/factors/kms/host-claim.mdx';
const MYTH = `---
title: "The KMS host does not re-activate every 180 days"
summary: "A 2008 claim that the host renews with Microsoft like its clients is not borne out."
method: kms
stance: myth
tags: [renewal]
appliesTo:
  - "Windows Server 2025"
sources:
  - title: "Activate clients running Windows"
    url: "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-windows-clients-vamt"
reviewed: 2026-01-15
correction:
  claim: "The host re-activates every 180 days."
  now: "Only clients renew; the host is activated once."
  source:
    title: "Activate clients running Windows"
    url: "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-windows-clients-vamt"
---

Body.
`;

function summary(id: string, stance: ClaimSummary['data']['stance'], correction?: { claim: string; now: string }): ClaimSummary {
  const method = id.split('/')[0] as ClaimSummary['data']['method'];
  return { id, data: { title: id, summary: `${id}.`, method, stance, tags: ['renewal'], correction } };
}

describe('a corrected classic claim', () => {
  it('is accepted with its correction', () => {
    expect(checkArticle(FILE, MYTH).map(formatProblem)).toEqual([]);
  });

  it('must say what was claimed and what is true now', () => {
    const withoutCorrection = MYTH.replace(/correction:[\s\S]*?(?=---\n\nBody)/, '');
    expect(checkArticle(FILE, withoutCorrection).map(formatProblem)).toEqual([
      `${FILE}:2:1  schema/myth-needs-correction  field "correction" is required when stance is "myth": say what the classic comparison claimed, what is true now, and the source`,
    ]);
  });

  const factors = [
    summary('kms/renews', 'con', { claim: 'Lapsed clients become unusable.', now: 'They show notifications.' }),
    summary('kms/finds-host', 'pro'),
    summary('kms/host-claim', 'myth', { claim: 'The host re-activates every 180 days.', now: 'Only clients renew.' }),
  ];

  it('is counted neither among the pros nor among the cons of its method', () => {
    const { pro, con } = byStance(factors, 'kms');
    expect([...pro, ...con].map((factor) => factor.id).sort()).toEqual(['kms/finds-host', 'kms/renews']);
  });

  it('is left out of the comparison matrix', () => {
    const ids = comparisonMatrix(factors).flatMap((row) => row.cells.flatMap((cell) => [...cell.pros, ...cell.cons].map((factor) => factor.id)));
    expect(ids).not.toContain('kms/host-claim');
    expect(ids).toContain('kms/renews');
  });

  it('is listed under "Classic claims, corrected" with every article that carries a correction', () => {
    expect(classicClaims(factors).map((factor) => factor.id)).toEqual(['kms/renews', 'kms/host-claim']);
    expect(classicClaims(factors, 'mak')).toEqual([]);
  });
});

describe('the tree and corrected classic claims', () => {
  const TREE = 'content/decision-tree.yaml';
  const ref = (id: string, stance: FactorRef['stance'], tags: FactorRef['tags'] = ['renewal']): FactorRef => ({
    id, file: `content/factors/${id}.mdx`, title: id, summary: `${id}.`, method: id.split('/')[0] as FactorRef['method'], stance, tags,
  });
  const factors = [ref('kms/finds-host', 'pro', ['dns']), ref('kms/renews', 'con'), ref('kms/host-claim', 'myth'), ref('mak/forever', 'pro'), ref('mak/limited', 'con')];
  const tree = (cites: string) => `
- id: size
  type: question
  question: "How many machines?"
  answers:
    - id: many
      label: "Many"
      next: use-kms
      cites: ${cites}
    - id: few
      label: "Few"
      next: use-mak
- id: use-kms
  type: outcome
  title: "KMS"
  recommends: [kms]
  rationale: "Because."
  nextSteps: [{ label: "KMS", href: /guides/kms/ }]
  cites: [kms/finds-host, kms/renews]
- id: use-mak
  type: outcome
  title: "MAK"
  recommends: [mak]
  rationale: "Because."
  nextSteps: [{ label: "MAK", href: /guides/mak/ }]
  cites: [mak/forever, mak/limited]
`;
  const check = (text: string) => {
    const read = readTreeFile(TREE, text);
    return linkTree(read.nodes, factors, TREE, read.lines);
  };

  it('does not ask the tree to cite a claim (no orphan), and a query never matches one', () => {
    const { tree: linked, problems } = check(tree('[{ method: kms, tag: renewal }]'));
    expect(problems.map(formatProblem)).toEqual([]);
    const size = linked.nodes.find((node) => node.id === 'size');
    expect(size?.type === 'question' && size.answers[0]!.factors).toEqual(['kms/renews']);
  });

  it('refuses a claim cited as if it were a pro or con', () => {
    expect(check(tree('[kms/host-claim]')).problems.map(formatProblem)).toEqual([
      `${TREE}:2  tree/cites-myth  node "size": answer "many" cites "kms/host-claim", a corrected classic claim, which is neither a pro nor a con (hint: cite the article where the current facts are)`,
    ]);
  });
});
