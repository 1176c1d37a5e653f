import { getCollection } from 'astro:content';
import { sidebar, type NavSection } from '../lib/navigation';

let cached: Promise<NavSection[]> | undefined;

/** The sidebar's sections, computed once per build and shared by every page (as the tree in src/data/tree.ts). */
export function getSidebar(): Promise<NavSection[]> {
  cached ??= (async () => sidebar({ factors: await getCollection('factors'), guides: await getCollection('guides'), scenarios: await getCollection('scenarios') }))();
  return cached;
}
