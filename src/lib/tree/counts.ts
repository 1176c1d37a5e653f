/**
 * The KMS activation thresholds and how a count of machines is judged against
 * them. Shared by the build (scenarios, tree rules) and the browser (/decide/
 * turns typed numbers into the answer of a count question), so both judge a
 * count the same way.
 *
 * Windows clients and servers feed one count: clients activate once it reaches
 * 25, servers once it reaches 5. Volume-licensed Office keeps a count of its
 * own, fed only by Office installations, and activates once it reaches 5.
 */

/** Which count a count question asks for. */
export const COUNT_KINDS = ['windows', 'office'] as const;
export type CountKind = (typeof COUNT_KINDS)[number];

/**
 * What a count lets a KMS host activate:
 * - `clients`: the Windows count reaches 25, so clients and servers activate;
 * - `servers`: no clients, and at least 5 servers;
 * - `office`: at least 5 Office installations;
 * - `below`: the count is too low for what is counted.
 */
export const COUNT_BANDS = ['clients', 'servers', 'office', 'below'] as const;
export type CountBand = (typeof COUNT_BANDS)[number];

/** The bands each kind of count question must offer, one answer each (or one answer for several). */
export const BANDS_OF: Readonly<Record<CountKind, readonly CountBand[]>> = {
  windows: ['clients', 'servers', 'below'],
  office: ['office', 'below'],
};

/** What the browser needs of a count question: the kind of count, and the bands each answer stands for. */
export interface CountQuestion {
  kind: CountKind;
  answers: Record<string, readonly CountBand[]>;
}

export const THRESHOLDS = { clients: 25, servers: 5, office: 5 } as const;

/** Machines that would ask one KMS host: Windows clients and servers, and Office installations. */
export interface Counts {
  clients: number;
  servers: number;
  office: number;
}

export const NO_COUNTS: Counts = { clients: 0, servers: 0, office: 0 };

export interface CountVerdict {
  band: CountBand;
  /** The number judged: clients and servers together for Windows, Office installations for Office. */
  count: number;
  /** The threshold that applies to what is counted (25 with clients, 5 for servers or Office). */
  threshold: number;
  /**
   * Set when the count meets its threshold by only a few machines: machines that stay
   * away for 30 days drop out of the count, and then clients report 0xC004F038.
   */
  near: boolean;
}

/**
 * A count is near its threshold while it is less than a quarter above it:
 * 25 to 31 with clients, 5 or 6 servers or Office installations.
 */
export function isNear(count: number, threshold: number): boolean {
  return count >= threshold && count < threshold + Math.ceil(threshold / 4);
}

/** Judge a count of machines against the thresholds, as a KMS host would. */
export function judgeCount(kind: CountKind, counts: Counts): CountVerdict {
  if (kind === 'office') {
    const count = counts.office;
    return { band: count >= THRESHOLDS.office ? 'office' : 'below', count, threshold: THRESHOLDS.office, near: isNear(count, THRESHOLDS.office) };
  }
  const count = counts.clients + counts.servers;
  if (counts.clients > 0) {
    return { band: count >= THRESHOLDS.clients ? 'clients' : 'below', count, threshold: THRESHOLDS.clients, near: isNear(count, THRESHOLDS.clients) };
  }
  return { band: count >= THRESHOLDS.servers ? 'servers' : 'below', count, threshold: THRESHOLDS.servers, near: isNear(count, THRESHOLDS.servers) };
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** What was counted, in words: "30 Windows machines", "8 Office installations". */
function describeCount(kind: CountKind, count: number): string {
  return kind === 'office' ? plural(count, 'Office installation', 'Office installations') : plural(count, 'Windows machine', 'Windows machines');
}

/** Which threshold applies, in words. */
function thresholdName(kind: CountKind, verdict: CountVerdict): string {
  if (kind === 'office') return `the Office threshold of ${verdict.threshold}`;
  return verdict.threshold === THRESHOLDS.clients ? `the client threshold of ${verdict.threshold}` : `the server threshold of ${verdict.threshold}`;
}

/** The count against its threshold, for a plan's summary: "8 Office installations, over the Office threshold of 5". */
export function countPhrase(kind: CountKind, verdict: CountVerdict): string {
  const where = verdict.band === 'below' ? 'under' : verdict.count === verdict.threshold ? 'exactly at' : 'over';
  return `${describeCount(kind, verdict.count)}, ${where} ${thresholdName(kind, verdict)}`;
}

/**
 * The warning for a count just over its threshold: how many machines may be
 * absent before the count falls below it, the error clients then report, and
 * the alternative that needs no count.
 */
export function nearWarning(kind: CountKind, verdict: CountVerdict): string | undefined {
  if (!verdict.near || verdict.band === 'below') return undefined;
  const spare = verdict.count - verdict.threshold;
  const absent = spare + 1;
  const alternative =
    kind === 'office'
      ? 'ADBA for Office 2013 and later on domain-joined machines needs no count, and an Office MAK needs no host'
      : 'ADBA for domain-joined Windows 8.1 and later needs no count, and MAK needs no host';
  return `${countPhrase(kind, verdict)}, with ${spare === 0 ? 'no machine' : plural(spare, 'machine', 'machines')} to spare: if ${plural(absent, 'machine stays', 'machines stay')} away from the host for 30 days, the count falls below ${verdict.threshold} and ${kind === 'office' ? 'Office' : verdict.threshold === THRESHOLDS.clients ? 'clients' : 'servers'} report 0xC004F038. ${alternative}.`;
}
