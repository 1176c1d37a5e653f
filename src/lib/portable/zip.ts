/**
 * A zip archive in memory, written by fflate: the portable edition is one
 * attachment to email or copy, and building it needs no `zip` program (which
 * Windows lacks).
 */
import { zipSync } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  data: Uint8Array;
}

/** The bytes of a zip archive holding `entries`, deflated, each dated `modified`. */
export function zipArchive(entries: readonly ZipEntry[], modified = new Date()): Buffer {
  const files = Object.fromEntries(entries.map((entry) => [entry.name, entry.data]));
  return Buffer.from(zipSync(files, { level: 9, mtime: modified }));
}
