import { closeSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Definition, Nodes } from 'mdast';
import type { Problem } from '../../problem';
import { short } from '../../problem';
import { isLocalImagePath } from '../safety/urls';
import { decodeImages, MAX_IMAGE_PIXELS } from '../image-decode';
import type { Article } from '../../content/read';
import type { ContentIndex } from '../index';
import { eachArticle } from './each-article';

/** Largest local image, in kilobytes. */
export const IMAGE_LIMIT_KB = 1024;

/** The first bytes of each image format Astro can process. */
const SIGNATURES: readonly ((head: Uint8Array) => boolean)[] = [
  (head) => head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47, // PNG
  (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff, // JPEG
  (head) => String.fromCharCode(...head.subarray(0, 4)) === 'GIF8', // GIF
  (head) => String.fromCharCode(...head.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...head.subarray(8, 12)) === 'WEBP', // WebP
  (head) => String.fromCharCode(...head.subarray(4, 8)) === 'ftyp' && /^avi[fs]$/.test(String.fromCharCode(...head.subarray(8, 12))), // AVIF
];

/** The hint of every image problem. */
const IMAGE_HINT = 'put a real .png, .jpg, .gif, .webp or .avif file in the content folder and point to it by a relative path';

/**
 * `safety/image-file`: Astro imports a local image while it builds, so each
 * one must be a real image: a regular file inside the content folder, reached
 * through no symbolic link (neither the file nor a folder on its way), no larger than {@link IMAGE_LIMIT_KB}, whose bytes are
 * those of an image and decode as one, as the build decodes them (check/image-decode.ts). A script saved as `.png`,
 * a damaged file, or a link to a file elsewhere on the machine, is refused before the build reads it; so is a path
 * from the site's root (`/images/x.png`), which the build does not import but publishes as a link to a file it does not have.
 */
export function localImages(index: ContentIndex): Problem[] {
  // The files that pass every other test are decoded together at the end: one decoder for the whole check.
  const toDecode: ImageToDecode[] = [];
  const problems = eachArticle((article) => imagesOf(article, index, toDecode))(index);
  const paths = [...new Set(toDecode.map((image) => image.path))];
  const decoded = decodeImages(paths);
  const verdicts = new Map(paths.map((path, at) => [path, decoded[at]]));
  for (const { path, problem } of toDecode) {
    const why = verdicts.get(path);
    if (why) problems.push(problem(why, `open it in an image editor and export it again as .png, .jpg, .gif, .webp or .avif, at most ${MAX_IMAGE_PIXELS.toLocaleString('en')} pixels`));
  }
  return problems;
}

/** An image file still to be decoded, and the problem to report at its place in the article if it does not decode. */
interface ImageToDecode {
  path: string;
  problem: (message: string, hint?: string) => Problem;
}

/** The problems of the local images of one article; the files that pass are added to `toDecode`. */
function imagesOf(article: Article, index: ContentIndex, toDecode: ImageToDecode[]): Problem[] {
  if (!article.tree) return [];
  const found: Problem[] = [];
  const definitions = new Map<string, Definition>();
  const images: { url: string; at?: { line: number; column: number } }[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    if (node.type === 'image') images.push({ url: node.url, at: node.position?.start });
    if (node.type === 'imageReference') images.push({ url: `\0${node.identifier}`, at: node.position?.start });
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(article.tree);
  const contentDir = resolve(index.contentDir);
  for (const image of images) {
    const url = image.url.startsWith('\0') ? definitions.get(image.url.slice(1))?.url : image.url;
    if (url === undefined || !isLocalImagePath(url)) continue;
    const problem = (message: string, hint = IMAGE_HINT): Problem => ({ file: article.file, line: image.at?.line, column: image.at?.column, rule: 'safety/image-file', message: `image "${short(url)}" ${message}`, hint });
    if (url.startsWith('/')) {
      found.push(problem("is a path from the site's root: the build would not import it, and would publish a link to a file the site does not have", 'put the image in the content folder and point to it by a path relative to the article, such as ../images/diagram.png from a guide'));
      continue;
    }
    const path = resolve(dirname(join(contentDir, article.entry)), url);
    if (relative(contentDir, path).startsWith(`..${sep}`)) {
      found.push(problem('is outside the content folder'));
      continue;
    }
    const why = linkedPathProblem(contentDir, path) ?? imageFileProblem(path);
    if (why) found.push(problem(why));
    else toDecode.push({ path, problem });
  }
  return found;
}

/**
 * Why a path inside the content folder is reached through a symbolic link (a linked folder on the way, or the
 * file itself), or undefined when every part of it is real: its real path must be the path itself, below the
 * content folder's real path. A path that does not exist is left to {@link imageFileProblem}.
 */
function linkedPathProblem(contentDir: string, path: string): string | undefined {
  let realDir: string;
  let real: string;
  try {
    if (lstatSync(path).isSymbolicLink()) return 'is a symbolic link';
    realDir = realpathSync(contentDir);
    real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: missing (or a dangling link, which imageFileProblem reports as a link).
    return code === 'ENOENT' ? undefined : `cannot be read: ${code ?? String(error)}`;
  }
  const inside = relative(realDir, real);
  if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return 'leads outside the content folder through a symbolic link';
  if (inside !== relative(contentDir, path)) return 'is reached through a symbolic link; images and their folders must be real files and folders';
  return undefined;
}

/** Why the file at `path` is not an image the build may import, or undefined when it is one. */
function imageFileProblem(path: string): string | undefined {
  let size: number;
  try {
    const stats = lstatSync(path);
    if (stats.isSymbolicLink()) return 'is a symbolic link';
    if (!stats.isFile()) return 'is not a regular file';
    size = stats.size;
  } catch (error) {
    return `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
  if (size > IMAGE_LIMIT_KB * 1024) return `is ${(size / 1024).toFixed(0)} KB, over the ${IMAGE_LIMIT_KB} KB limit`;
  const head = new Uint8Array(16);
  try {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
  return SIGNATURES.some((matches) => matches(head)) ? undefined : 'is not an image: its bytes are not those of a PNG, JPEG, GIF, WebP or AVIF file';
}
