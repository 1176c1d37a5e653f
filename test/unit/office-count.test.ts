import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, ROOT } from '../helpers/build';

/**
 * Guards the advice on the KMS count. Windows clients and servers share one
 * count; volume-licensed Office keeps a count of its own (threshold 5, at most
 * 10, shown by `slmgr /dlv all`). An admin who reads "one count for all
 * products" expects 4 Office installs on a 30-PC site to activate, and they
 * fail with 0xC004F038.
 */

/** Every text a reader sees: articles, guides, the tree, scenarios. */
const texts = listFiles(join(ROOT, 'content'))
  .filter((file) => /\.(mdx|ya?ml)$/.test(file))
  .map((file) => ({ file, text: readFileSync(join(ROOT, 'content', file), 'utf8') }));

/** Sentences, roughly: split at full stops, line ends and list items. */
function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?;])\s+|\s[-*]\s|\s\d+\.\s/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** Words that tell the reader Office is counted apart from Windows. */
const APART = /\b(own|apart|separate(ly)?|only office|office installations?)\b/i;

/**
 * Sentences that put Office into the Windows count: "shared by all products",
 * or a threshold sentence that names servers and Office together without saying
 * Office is counted apart.
 */
function sharedCountClaims(text: string): string[] {
  return sentences(text).filter((sentence) => {
    if (/shared (by|between|across) all (the )?products?|all product types/i.test(sentence)) return true;
    const namesOffice = /\boffice\b/i.test(sentence);
    const countsTogether = /\b(count|threshold)\b/i.test(sentence) && /\bservers?\b/i.test(sentence);
    const groupsThem = /servers?,? (and|or) (volume[- ](licensed )?)?office\b/i.test(sentence);
    return namesOffice && countsTogether && groupsThem && !APART.test(sentence);
  });
}

describe('the KMS count as the content states it', () => {
  it('recognises the wrong statements it guards against', () => {
    expect(sharedCountClaims('That count is shared by all products and includes only recent machines.')).toHaveLength(1);
    expect(sharedCountClaims('Windows clients activate at 25, Windows Server and volume Office once the count reaches 5.')).toHaveLength(1);
    expect(sharedCountClaims('The count is too low: below 25 for clients, or below 5 for servers and Office.')).toHaveLength(1);
    expect(sharedCountClaims('Windows Server activates at a count of 5; Office has a count of its own, which needs 5.')).toEqual([]);
  });

  it('never puts Office into the count that Windows clients and servers share', () => {
    const claims = texts.flatMap(({ file, text }) => sharedCountClaims(text).map((sentence) => `${file}: ${sentence}`));
    expect(claims).toEqual([]);
  });

  it('tells readers how to see the Office count wherever the host count is read with slmgr /dli', () => {
    const withoutDlvAll = texts
      .filter(({ text }) => /slmgr \/dli`? (on the host )?shows the (current |Windows )?count/i.test(text) || /count with `slmgr \/dli`/i.test(text))
      .filter(({ text }) => !/slmgr \/dlv all/i.test(text))
      .map(({ file }) => file);
    expect(withoutDlvAll).toEqual([]);
  });

  it('says Office needs its own rearm wherever images and clones sharing a CMID are discussed', () => {
    const clonesWithoutOfficeRearm = texts
      .filter(({ text }) => /share (one|a) CMID/i.test(text) && /\bOffice\b/.test(text)) // "Office" the product, not "head office"
      .filter(({ text }) => !/ospprearm/i.test(text))
      .map(({ file }) => file);
    expect(clonesWithoutOfficeRearm).toEqual([]);
  });
});
