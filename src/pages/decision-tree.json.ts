import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getSiteTree } from '../data/tree';
import { publishTree } from '../lib/tree/publish';
import { SITE } from '../lib/site';

/** The linked decision tree for other tools; shape documented in README.md. */
export const GET: APIRoute = async () => {
  const { linked } = await getSiteTree();
  const body = publishTree(linked, await getCollection('factors'), SITE.url);
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
};
