import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContentFolder } from '../../src/lib/checks/run';
import { formatProblem } from '../../src/lib/problem';
import { isMicrosoftUrl } from '../../src/lib/schema/source';
import { TAG_IDS } from '../../src/lib/taxonomy';
import { listFiles, ROOT } from '../helpers/build';

/** The real articles in content/, read directly from disk. */
const factorFiles = listFiles(join(ROOT, 'content/factors')).filter((file) => file.endsWith('.mdx'));
const factors = factorFiles.map((file) => {
  const text = readFileSync(join(ROOT, 'content/factors', file), 'utf8');
  const [, yaml = '', ...body] = text.split(/^---$/m);
  const data = parse(yaml) as { method: string; stance: string; tags: string[]; sources: { url: string }[]; correction?: { now: string; source: { url: string } } };
  return { id: file.replace(/\.mdx$/, ''), data, words: body.join('---').split(/\s+/).filter(Boolean).length };
});
const byId = new Map(factors.map((factor) => [factor.id, factor]));

describe('the published content', () => {
  it('passes every content check', () => {
    expect(checkContentFolder(ROOT, join(ROOT, 'content')).map(formatProblem)).toEqual([]);
  });

  it('has an article for every consideration of the classic comparison and the modern picture', () => {
    // The considerations the foundation issue lists, by method and stance.
    const required = {
      'kms pro': 2, // no client configuration; clients need no internet
      'kms con': 6, // renewal; branches; laptops; DNS; threshold testing; host key limits
      'kms myth': 1, // host re-activation claim
      'mak pro': 6, // below threshold; no expiry; no client internet; works everywhere; like XP keys; VAMT reuse
      'mak con': 2, // step per deployment; limited activations
      'adba pro': 1,
      'adba con': 2, // domain-joined modern only; still renews
    };
    for (const [key, count] of Object.entries(required)) {
      const [method, stance] = key.split(' ');
      const found = factors.filter((factor) => factor.data.method === method && factor.data.stance === stance);
      expect(found.length, key).toBeGreaterThanOrEqual(count);
    }
  });

  it('keeps every factor article between 150 and 400 words', () => {
    for (const factor of factors) {
      expect(factor.words, factor.id).toBeGreaterThanOrEqual(150);
      expect(factor.words, factor.id).toBeLessThanOrEqual(400);
    }
  });

  it('corrects the three classic claims that are wrong or outdated, citing Microsoft', () => {
    for (const id of ['kms/host-reactivation-claim', 'kms/hard-to-test-threshold', 'kms/clients-must-renew']) {
      const correction = byId.get(id)?.data.correction;
      expect(correction, id).toBeDefined();
      expect(isMicrosoftUrl(correction!.source.url), id).toBe(true);
    }
    expect(byId.get('kms/hard-to-test-threshold')!.data.correction!.now).toMatch(/virtual machines?|VMs?/i);
    expect(byId.get('kms/clients-must-renew')!.data.correction!.now).toMatch(/notification/i);
  });

  it('uses every tag of the vocabulary, so the list holds no dead entries', () => {
    const used = new Set(factors.flatMap((factor) => factor.data.tags));
    expect(TAG_IDS.filter((tag) => !used.has(tag))).toEqual([]);
  });

  it('cites Microsoft documentation first in every article', () => {
    for (const factor of factors) expect(isMicrosoftUrl(factor.data.sources[0]!.url), factor.id).toBe(true);
  });
});
