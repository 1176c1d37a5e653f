import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problem';
import { judgeCount, nearWarning, countPhrase } from '../../src/lib/tree/counts';
import { pathAdditions, additionsFor } from '../../src/lib/tree/conditional';
import { evaluate } from '../../src/lib/tree/evaluate';
import { indexTree, linkTree } from '../../src/lib/tree/link';
import { readTreeFile } from '../../src/lib/tree/load';
import { answerForCounts, countQuestion, countsFor, decodePlan, decodePosition, encodePlan, planQuery, type Plan } from '../../src/lib/tree/plan';
import { checkScenario, readScenarioFile } from '../../src/lib/tree/scenarios';

const TREE_FILE = 'content/decision-tree.yaml';
const tree = readTreeFile(TREE_FILE, readFileSync(new URL(`../../${TREE_FILE}`, import.meta.url), 'utf8'));
const index = indexTree(tree.nodes);

const counts = (clients: number, servers: number, office: number) => ({ clients, servers, office });

describe('a count judged against the KMS thresholds', () => {
  it.each([
    ['24 clients', counts(24, 0, 0), 'below'],
    ['25 clients', counts(25, 0, 0), 'clients'],
    ['20 clients and 5 servers: one count of 25', counts(20, 5, 0), 'clients'],
    ['10 clients and 10 servers: clients not yet', counts(10, 10, 0), 'below'],
    ['4 servers', counts(0, 4, 0), 'below'],
    ['5 servers', counts(0, 5, 0), 'servers'],
  ] as const)('Windows: %s → %s', (_, given, band) => {
    expect(judgeCount('windows', given).band).toBe(band);
  });

  it('counts Office installations only, apart from Windows', () => {
    expect(judgeCount('office', counts(200, 10, 4)).band).toBe('below');
    expect(judgeCount('office', counts(0, 0, 5)).band).toBe('office');
    expect(countPhrase('office', judgeCount('office', counts(3, 0, 8)))).toBe('8 Office installations, over the Office threshold of 5');
  });

  it('warns when a count is only just over its threshold, naming the error and an alternative', () => {
    const warning = nearWarning('windows', judgeCount('windows', counts(30, 0, 0)));
    expect(warning).toMatch(/^30 Windows machines, over the client threshold of 25, with 5 machines to spare: if 6 machines stay away/);
    expect(warning).toContain('0xC004F038');
    expect(warning).toContain('ADBA');
    expect(nearWarning('office', judgeCount('office', counts(0, 0, 5)))).toMatch(/no machine to spare: if 1 machine stays away .* Office report 0xC004F038/);
  });

  it('gives no warning with room to spare, or below the threshold', () => {
    expect(nearWarning('windows', judgeCount('windows', counts(32, 0, 0)))).toBeUndefined();
    expect(nearWarning('windows', judgeCount('windows', counts(12, 0, 0)))).toBeUndefined();
    expect(nearWarning('office', judgeCount('office', counts(0, 0, 7)))).toBeUndefined();
  });
});

describe('typed counts choose the answer of a count question in the real tree', () => {
  it.each([
    ['machine-count', counts(30, 2, 0), 'twenty-five-or-more'],
    ['machine-count', counts(0, 8, 0), 'servers-only'],
    ['machine-count', counts(12, 3, 0), 'below-threshold'],
    ['office-count', counts(4, 0, 8), 'office-five-or-more'],
    ['office-count', counts(40, 0, 4), 'office-fewer'],
    ['isolated-count', counts(0, 6, 0), 'isolated-meets-threshold'],
    ['branch-size', counts(0, 10, 0), 'branch-fewer'],
  ] as const)('%s with %o → %s', (question, given, answer) => {
    expect(answerForCounts(countQuestion(index, question)!, given)).toBe(answer);
  });
});

describe('a plan for an estate of several parts', () => {
  const estate: Plan = {
    parts: [
      { name: 'Head office', counts: counts(18, 0, 2), walks: [['windows']] },
      { name: 'Leeds', uses: 0, counts: counts(4, 0, 1), walks: [['windows']] },
      { name: 'York', uses: 0, counts: counts(4, 0, 1), walks: [['windows']] },
      { name: 'Lab', counts: counts(6, 0, 0), walks: [['windows']] },
    ],
  };

  it('adds the counts of the parts that share a KMS host to that host’s part, not to the others', () => {
    expect(countsFor(estate, 0)).toEqual(counts(26, 0, 4));
    expect(countsFor(estate, 1)).toEqual(counts(4, 0, 1));
    expect(countsFor(estate, 3)).toEqual(counts(6, 0, 0));
  });

  it('lets the shared host cross the threshold that no single part reaches', () => {
    const question = countQuestion(index, 'machine-count')!;
    expect(answerForCounts(question, estate.parts[0]!.counts)).toBe('below-threshold');
    expect(answerForCounts(question, countsFor(estate, 0))).toBe('twenty-five-or-more');
  });

  it('keeps a plan through its URL parameter, and refuses what a crafted one names beyond the plan', () => {
    expect(decodePlan(encodePlan(estate))).toEqual(estate);
    const crafted = decodePlan('A~7~1.2.3~windows/constructor;B~x~-4.1e9.zz~office');
    expect(crafted).toEqual({
      parts: [
        { name: 'A', counts: counts(1, 2, 3), walks: [['windows', 'constructor']] },
        { name: 'B', counts: counts(0, 0, 0), walks: [['office']] },
      ],
    });
    expect(decodePlan(';'.repeat(500) + 'x')!.parts).toHaveLength(20);
    expect(decodePosition(estate, '9.9')).toEqual({ part: 0, walk: 0 });
    expect(decodePosition(estate, '2.0')).toEqual({ part: 2, walk: 0 });
  });

  it('writes a single unnamed walk as the plain ?path= link, and anything more as a plan', () => {
    const single: Plan = { parts: [{ name: '', counts: counts(0, 0, 0), walks: [['windows', 'microsoft-cloud']] }] };
    expect(planQuery(single, { part: 0, walk: 0 }, 'azure-kms')).toBe('?path=windows/microsoft-cloud#azure-kms');
    const both: Plan = { parts: [{ name: '', counts: counts(0, 0, 8), walks: [['windows'], ['office']] }] };
    expect(planQuery(both, { part: 0, walk: 1 }, 'office-licensing')).toBe(`?plan=${encodeURIComponent('~~0.0.8~windows~office')}&at=0.1#office-licensing`);
  });
});

describe('the tree answers each product on its own', () => {
  it('reaches KMS for 8 Office installations beside OEM Windows, while Windows itself needs nothing', () => {
    expect(evaluate(index, ['windows', 'own-hardware', 'retail-oem']).node).toBe('retail-oem');
    expect(evaluate(index, ['office', 'office-volume', 'office-no-domain', 'office-five-or-more']).node).toBe('office-kms');
  });

  it('sends Azure Virtual Desktop to Azure’s KMS before any licensing question', () => {
    const walk = evaluate(index, ['windows', 'microsoft-cloud']);
    expect(walk.done).toBe(true);
    expect(walk.node).toBe('azure-kms');
  });
});

/** Every path from the start, as answer lists. */
function allPaths(): string[][] {
  const paths: string[][] = [];
  const walk = (node: string, path: string[]) => {
    const answers = index.next[node];
    if (!answers) return void paths.push(path);
    for (const [answer, next] of Object.entries(answers)) walk(next, [...path, answer]);
  };
  walk(index.start, []);
  return paths;
}

describe('advice the tree gives on a path', () => {
  const additions = pathAdditions(tree.nodes);
  const outcomes = new Map(tree.nodes.map((node) => [node.id, node]));
  const textOn = (path: string[]) => {
    const result = evaluate(index, path);
    const outcome = outcomes.get(result.node);
    const notes = additionsFor(additions.get(result.node) ?? [], result.steps).flatMap((addition) => addition.notes);
    return [...notes, outcome?.type === 'outcome' ? outcome.rationale : ''].join('\n');
  };

  it('never tells workgroup machines to use Group Policy', () => {
    const workgroup = allPaths().filter((path) => path.includes('no-domain') || path.includes('branch-no-domain') || path.includes('office-no-domain'));
    expect(workgroup.length).toBeGreaterThan(10);
    for (const path of workgroup) expect(textOn(path), path.join('/')).not.toMatch(/group policy/i);
  });

  it('never counts Office versions into a Windows count question', () => {
    for (const node of tree.nodes) {
      if (node.type === 'question' && node.count === 'windows') expect(`${node.question} ${node.help}`, node.id).not.toMatch(/Office 20\d\d/);
    }
  });

  it('names end of support wherever an answer names Office 2016 or 2019', () => {
    for (const node of tree.nodes) {
      if (node.type !== 'question') continue;
      for (const answer of node.answers) {
        if (/Office[^"]*\b(2016|2019)\b/.test(answer.label)) expect(answer.notes.map((note) => note.text).join(' '), answer.id).toMatch(/end of support/);
      }
    }
  });
});

describe('the count bands of a count question', () => {
  const QUESTION = `
- id: start
  type: question
  question: "How many?"
  count: windows
  answers:
    - id: many
      label: "Many"
      band: [clients]
      next: done
    - id: few
      label: "Few"
      band: [below]
      next: done
- id: done
  type: outcome
  title: "Done"
  recommends: []
  rationale: "Nothing."
  nextSteps:
    - label: "Home"
      href: /
`;
  const check = (text: string) => {
    const read = readTreeFile('tree.yaml', text);
    return [...read.problems, ...linkTree(read.nodes, [], 'tree.yaml', read.lines).problems].map(formatProblem);
  };

  it('refuses a count question with a band no answer stands for', () => {
    expect(check(QUESTION)).toEqual(['tree.yaml:2  tree/count-bands  node "start": no answer stands for band "servers" (hint: typed numbers in that band would choose no answer)']);
  });

  it('refuses a band given twice, and a band on a question that counts nothing', () => {
    const twice = QUESTION.replace('band: [below]', 'band: [below, servers, clients]');
    expect(check(twice)).toEqual(['tree.yaml:2  tree/count-bands  node "start": answers "many" and "few" both stand for band "clients" (hint: each band belongs to exactly one answer)']);
    const uncounted = QUESTION.replace('  count: windows\n', '');
    expect(check(uncounted)).toHaveLength(2);
    expect(check(uncounted)[0]).toBe('tree.yaml:2  tree/count-bands  node "start": answer "many" has a band, but the question has no "count" (hint: add `count: windows` or `count: office` to the question, or remove the band)');
  });
});

describe('a scenario written as a plan', () => {
  const FILE = 'content/scenarios/estate.yaml';
  const scenario = (hqClients: number, answer: string) => `title: "Head office and a branch"
summary: "A head office and a branch share one KMS host."
organisation:
  size: "20 PCs and 6 PCs"
  domain: "No domain"
  sites: "Two sites on a VPN"
  products: "Windows 11 Enterprise"
parts:
  - name: "Head office"
    counts: { clients: ${hqClients} }
    windows:
      path: [windows, own-hardware, volume, main-site, no-domain, ${answer}]
      outcome: ${answer === 'below-threshold' ? 'mak-proxy-vamt' : 'kms'}
  - name: "Branch"
    kmsHost: "Head office"
    counts: { clients: 6 }
    windows:
      path: [windows, own-hardware, volume, branch-office, branch-no-domain, branch-fewer, branch-vpn]
      outcome: core-kms-over-vpn
why: "The two sites share the head-office host."
reviewed: 2026-12-01
`;
  const check = (text: string) => checkScenario(readScenarioFile(FILE, text), tree.nodes, index).map(formatProblem);

  it('accepts the head office answering for the host’s total, branch included', () => {
    const text = scenario(20, 'twenty-five-or-more').replace('main-site, no-domain, twenty-five-or-more]', 'main-site, no-domain, twenty-five-or-more, dynamic-dns, back-within-180-days]');
    expect(check(text)).toEqual([]);
  });

  it('refuses a count answer that the counts do not give, naming the parts sharing the host', () => {
    const text = scenario(20, 'below-threshold').replace('no-domain, below-threshold]', 'no-domain, below-threshold, reimage-often]');
    expect(check(text)).toEqual([
      `${FILE}:12  scenario/count-mismatch  field "parts[0].windows.path[5]": the counts give 26 Windows machines, over the client threshold of 25 (with Branch, which use this part's KMS host), which is the answer "twenty-five-or-more" to question "machine-count", not "below-threshold"`,
    ]);
  });

  it('refuses a host that names no other part, and a walk that starts with the other product', () => {
    // 26 clients at head office alone: the misspelt host cannot change its answer.
    const text = scenario(26, 'twenty-five-or-more')
      .replace('main-site, no-domain, twenty-five-or-more]', 'main-site, no-domain, twenty-five-or-more, dynamic-dns, back-within-180-days]')
      .replace('kmsHost: "Head office"', 'kmsHost: "Head offise"')
      .replace('path: [windows, own-hardware, volume, branch-office', 'path: [office, own-hardware, volume, branch-office');
    expect(check(text)).toEqual([
      `${FILE}:15  scenario/unknown-host  field "parts[1].kmsHost": "Head offise" is not the name of another part of this scenario — did you mean "Head office"?`,
      `${FILE}:18  scenario/wrong-product  field "parts[1].windows.path[0]": the Windows walk must start with the answer "windows", not "office"`,
    ]);
  });
});
