/**
 * The portable edition: a built site (dist/) turned into a folder that works
 * when its index.html is double-clicked — every page, the decision tree and
 * search, with no server and no network. Steps: copy what a copy on disk can
 * use, make each page portable (page.ts), index the pages for search
 * (search-documents.ts), add the classic script and stylesheet.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import { fromHtml } from 'hast-util-from-html';
import { PORTABLE_ASSETS } from './assets';
import { portablePage, type Edition } from './page';
import { searchDocument, searchIndexScript, type SearchDocument } from './search-documents';
import { portableLink, rewriteCssUrls } from './urls';
import { listFiles } from '../files';

const SOURCE = join(import.meta.dirname, '../..');

/** Files of the online build that only a web server can use: Pagefind, the service worker, server and crawler files. */
function onlineOnlyFile(file: string): boolean {
  return /^(pagefind\/|sw\.js$|_headers$|_redirects$|robots\.txt$|sitemap[^/]*\.xml$)/.test(file);
}


/** The classic script of the portable pages: src/scripts/portable/main.ts and what it imports, in one file. */
function bundleClientScript(): string {
  const result = buildSync({
    entryPoints: [join(SOURCE, 'scripts/portable/main.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    write: false,
    legalComments: 'none',
    // The copy's links are relative files, never under a base: what the site's routes read as Astro's base is '/'.
    define: { 'import.meta.env': '{"BASE_URL":"/"}' },
  });
  return result.outputFiles[0]!.text;
}

export interface PortableResult {
  /** Every file of the copy, relative to its root. */
  files: string[];
  pages: number;
  /** Pages in the search index. */
  documents: number;
  /** One line per link to the site whose file is not in the copy: `file: link "href" …`. */
  problems: string[];
}

/** Write the portable edition of the build in `from` to the folder `to` (replaced). */
export function writePortable(from: string, to: string, edition: Edition): PortableResult {
  const files = listFiles(from).filter((file) => !onlineOnlyFile(file));
  const present = new Set([...files, PORTABLE_ASSETS.script, PORTABLE_ASSETS.style, PORTABLE_ASSETS.searchIndex]);
  const exists = (file: string) => present.has(file);
  const problems: string[] = [];
  const documents: SearchDocument[] = [];
  let pages = 0;

  rmSync(to, { recursive: true, force: true });
  const write = (file: string, data: string | Buffer) => {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    writeFileSync(join(to, file), data);
  };

  for (const file of files) {
    if (file.endsWith('.html')) {
      const source = readFileSync(join(from, file), 'utf8');
      const document = searchDocument(fromHtml(source), file);
      if (document) documents.push(document);
      const page = portablePage(source, { file, exists, edition });
      for (const link of page.missing) problems.push(`${file}: link "${link.href}" points to ${link.file}, which is not in the portable copy`);
      write(file, page.html);
      pages++;
    } else if (file.endsWith('.css')) {
      const css = rewriteCssUrls(readFileSync(join(from, file), 'utf8'), (url) => {
        const link = portableLink(url, file, exists, edition.base);
        if (link.kind === 'missing') problems.push(`${file}: url(${url}) points to ${link.file}, which is not in the portable copy`);
        return link.href;
      });
      write(file, css);
    } else {
      write(file, readFileSync(join(from, file)));
    }
  }
  write(PORTABLE_ASSETS.script, bundleClientScript());
  write(PORTABLE_ASSETS.style, readFileSync(join(SOURCE, 'styles/portable.css')));
  write(PORTABLE_ASSETS.searchIndex, searchIndexScript(documents));
  return { files: listFiles(to), pages, documents: documents.length, problems };
}
