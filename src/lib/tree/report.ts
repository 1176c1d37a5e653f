/** A source as articles list it. */
export interface ReportSource {
  title: string;
  url: string;
}

/**
 * The sources behind a recommendation, for its printed report: those of the
 * pros and cons it cites, in citation order, each address once.
 */
export function reportSources(
  factorIds: readonly string[],
  sourcesOf: (id: string) => readonly ReportSource[] | undefined,
): ReportSource[] {
  const seen = new Set<string>();
  const sources: ReportSource[] = [];
  for (const id of factorIds) {
    for (const source of sourcesOf(id) ?? []) {
      if (seen.has(source.url)) continue;
      seen.add(source.url);
      sources.push({ title: source.title, url: source.url });
    }
  }
  return sources;
}
