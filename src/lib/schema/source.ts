import { z } from 'zod';

/** Hosts whose pages count as Microsoft documentation for the "Microsoft first" rule. */
export const MICROSOFT_HOSTS = ['microsoft.com'] as const;

/** True when a URL points at Microsoft's own documentation (any *.microsoft.com host). */
export function isMicrosoftUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return MICROSOFT_HOSTS.some((root) => host === root || host.endsWith(`.${root}`));
  } catch {
    return false;
  }
}

/** One cited source: the page title as published and its address. */
export const sourceSchema = z.strictObject({
  title: z.string().trim().min(1, 'a source needs a title'),
  url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
});

/** At least one source; the first one is Microsoft documentation. */
export const sourcesSchema = z
  .array(sourceSchema)
  .min(1, 'at least one source is required')
  .superRefine((sources, ctx) => {
    const first = sources[0];
    if (first && /^https?:\/\//.test(first.url) && !isMicrosoftUrl(first.url)) {
      ctx.addIssue({
        code: 'custom',
        path: [0, 'url'],
        message: `the first source must be Microsoft documentation (a microsoft.com address), received "${first.url}"`,
      });
    }
  });

export type Source = z.infer<typeof sourceSchema>;
