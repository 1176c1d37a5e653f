import { describe, expect, it } from 'vitest';
import { eitherOf, outcomeNextSteps } from '../../src/lib/tree/next-steps';
import { inlineText } from '../../src/lib/tree/inline';

const addition = (answer: string, label: string, hrefs: string[]) => ({
  question: 'q',
  answer,
  label,
  notes: [],
  nextSteps: hrefs.map((href) => ({ label: `Read ${href}`, href })),
});

describe('outcomeNextSteps', () => {
  it("lists each page once: the recommendation's own steps first, then those answers add, with every answer that adds it", () => {
    const steps = outcomeNextSteps({
      nextSteps: [{ label: 'Set up a host', href: '/guides/kms/' }],
      additions: [addition('clients', 'Clients by hand', ['/guides/kms/#dns', '/guides/kms/']), addition('servers', 'Servers by hand', ['/guides/kms/#dns']), addition('phone', 'By phone', ['/guides/phone/'])],
    });
    expect(steps).toEqual([
      { label: 'Set up a host', href: '/guides/kms/', when: [] },
      { label: 'Read /guides/kms/#dns', href: '/guides/kms/#dns', when: [{ key: 'q/clients', label: 'Clients by hand' }, { key: 'q/servers', label: 'Servers by hand' }] },
      { label: 'Read /guides/phone/', href: '/guides/phone/', when: [{ key: 'q/phone', label: 'By phone' }] },
    ]);
  });

  it('names an answer once however many of its steps lead to the same page', () => {
    const steps = outcomeNextSteps({ nextSteps: [], additions: [addition('a', 'A', ['/x/', '/x/'])] });
    expect(steps).toEqual([{ label: 'Read /x/', href: '/x/', when: [{ key: 'q/a', label: 'A' }] }]);
  });
});

describe('eitherOf', () => {
  it('joins quoted labels for a sentence', () => {
    expect(eitherOf(['A'])).toBe('“A”');
    expect(eitherOf(['A', 'B'])).toBe('“A” or “B”');
    expect(eitherOf(['A', 'B', 'C'])).toBe('“A”, “B” or “C”');
    expect(eitherOf([])).toBe('');
  });
});

describe('inlineText', () => {
  it('gives the text a reader sees: code as its code, links as their label, nothing escaped twice', () => {
    expect(inlineText('Run `slmgr /dlv` ([how](/guides/kms/)) & <see>.')).toBe('Run slmgr /dlv (how) & <see>.');
  });
});
