import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTreeFile } from '../../src/lib/tree/load';
import { evaluate } from '../../src/lib/tree/evaluate';
import { indexTree } from '../../src/lib/tree/link';

// Realistic organisations, described the way a reader would describe their own
// estate, walked through content/decision-tree.yaml. Each row is the answers the
// reader would pick and the outcome Microsoft's planning guidance leads to.

const text = readFileSync(new URL('../../content/decision-tree.yaml', import.meta.url), 'utf8');
const { nodes, problems } = readTreeFile('content/decision-tree.yaml', text);

const index = indexTree(nodes);

/** The first answers of every on-premises, volume-licensed Windows estate below. */
const ON_PREMISES_WINDOWS = ['windows', 'own-hardware', 'volume'];

/** The first answers of every volume-licensed Office walk. */
const VOLUME_OFFICE = ['office', 'office-volume'];

interface Organisation {
  who: string;
  path: string[];
  outcome: string;
}

const organisations: Organisation[] = [
  {
    who: 'a 12-PC accounting office with no domain, every PC online',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'no-domain', 'below-threshold', 'reimage-rarely', 'clients-online'],
    outcome: 'mak-independent',
  },
  {
    who: 'a 300-seat company on Windows 11 and Server 2022, all in one domain, staff in the office or on VPN',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'domain-all-modern', 'back-within-180-days'],
    outcome: 'adba',
  },
  {
    who: 'an isolated lab network of 40 machines, cut off from head office and the forest, no token approval',
    path: [...ON_PREMISES_WINDOWS, 'isolated-network', 'no-core-kms', 'not-in-forest', 'token-no', 'isolated-meets-threshold'],
    outcome: 'kms',
  },
  {
    who: 'a company with many field laptops in a Windows 11 domain, some away for a year at a time',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'domain-all-modern', 'away-over-180-days'],
    outcome: 'adba-plus-mak',
  },
  {
    who: 'a 60-person consultancy without a domain whose laptops spend months at client sites',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'no-domain', 'twenty-five-or-more', 'dynamic-dns', 'away-over-180-days'],
    outcome: 'kms-plus-mak-roaming',
  },
  {
    who: 'a small branch of 10 workgroup PCs with a VPN to head office',
    path: [...ON_PREMISES_WINDOWS, 'branch-office', 'branch-no-domain', 'branch-fewer', 'branch-vpn'],
    outcome: 'core-kms-over-vpn',
  },
  {
    who: 'a 500-seat domain with 40 Windows 7 lab PCs and a few Server 2008 R2 stragglers',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'domain-some-older', 'older-meet-threshold', 'back-within-180-days'],
    outcome: 'adba-plus-kms',
  },
  {
    who: 'a domain with old Windows 7 machines plus service engineers who stay away for months',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'domain-some-older', 'older-meet-threshold', 'away-over-180-days'],
    outcome: 'adba-kms-and-mak',
  },
  {
    who: 'a 60-PC Windows 11 domain with six Windows 7 PCs kept for old lab software',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'domain-some-older', 'older-below-threshold'],
    outcome: 'adba-plus-mak',
  },
  {
    who: 'a high-security air-gapped network approved for token-based activation',
    path: [...ON_PREMISES_WINDOWS, 'isolated-network', 'no-core-kms', 'not-in-forest', 'token-yes'],
    outcome: 'token-based',
  },
  {
    // Declining to run a KMS host must not lead back to one: MAK through VAMT, whose local reactivation spares activations.
    who: 'a training centre of 80 workgroup PCs that reimages every week and would rather not run servers',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'no-domain', 'twenty-five-or-more', 'no-upkeep', 'reimage-often'],
    outcome: 'mak-proxy-vamt',
  },
  {
    who: 'a 100-seat workgroup office with dynamic DNS, everyone works on site',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'no-domain', 'twenty-five-or-more', 'dynamic-dns', 'back-within-180-days'],
    outcome: 'kms',
  },
  {
    who: 'a 45-seat workgroup office that installs machines once, wants no extra service, PCs online',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'no-domain', 'twenty-five-or-more', 'no-upkeep', 'reimage-rarely', 'clients-online'],
    outcome: 'mak-independent',
  },
  {
    who: 'a small shop floor of 8 PCs reimaged every week, no domain',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'no-domain', 'below-threshold', 'reimage-often'],
    outcome: 'mak-proxy-vamt',
  },
  {
    who: 'a factory with 15 control PCs kept offline and one engineering PC allowed online',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'no-domain', 'below-threshold', 'reimage-rarely', 'one-host-online'],
    outcome: 'mak-proxy-vamt',
  },
  {
    who: 'a hosting rack of 8 Windows Server VMs without a domain, DNS records set by hand',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'no-domain', 'servers-only', 'manual-dns'],
    outcome: 'kms',
  },
  {
    who: 'a regional warehouse branch of 40 workgroup PCs',
    path: [...ON_PREMISES_WINDOWS, 'branch-office', 'branch-no-domain', 'branch-25-or-more'],
    outcome: 'kms-per-branch',
  },
  {
    who: 'a branch of 30 domain-joined Windows 11 PCs',
    path: [...ON_PREMISES_WINDOWS, 'branch-office', 'branch-all-modern'],
    outcome: 'adba',
  },
  {
    who: 'a branch of domain-joined PCs with a few old Windows 7 kiosks, on the VPN to head office',
    path: [...ON_PREMISES_WINDOWS, 'branch-office', 'branch-some-older', 'branch-older-fewer', 'branch-older-vpn'],
    outcome: 'adba-plus-kms',
  },
  {
    // Three Windows 7 PCs could never bring a branch KMS host to 25.
    who: 'a 10-PC domain branch with three Windows 7 PCs and no link to any KMS host',
    path: [...ON_PREMISES_WINDOWS, 'branch-office', 'branch-some-older', 'branch-older-fewer', 'branch-older-no-link'],
    outcome: 'adba-plus-mak',
  },
  {
    who: 'a large domain branch with 40 machines still on Windows 7',
    path: [...ON_PREMISES_WINDOWS, 'branch-office', 'branch-some-older', 'branch-older-meet-threshold'],
    outcome: 'adba-plus-kms',
  },
  {
    who: 'a 400-seat domain that prefers one central KMS host, as Microsoft suggests for a core network',
    path: [...ON_PREMISES_WINDOWS, 'main-site', 'central-kms', 'twenty-five-or-more', 'dynamic-dns', 'back-within-180-days'],
    outcome: 'kms',
  },
  {
    who: 'a service provider activating a 60-PC customer without a domain',
    path: [...ON_PREMISES_WINDOWS, 'customer-network', 'no-domain', 'twenty-five-or-more', 'dynamic-dns', 'back-within-180-days'],
    outcome: 'kms',
  },
  {
    who: 'an estate on Windows Enterprise E5, Entra-joined laptops',
    path: ['windows', 'own-hardware', 'windows-subscription'],
    outcome: 'subscription-activation',
  },
  {
    who: 'an office whose Office comes with Microsoft 365 Business Premium',
    path: ['office', 'microsoft-365-apps'],
    outcome: 'microsoft-365-apps',
  },
  {
    who: 'a web shop renting Windows Server 2025 servers for its busy weeks, Arc-enabled and online',
    path: ['windows', 'own-hardware', 'payg'],
    outcome: 'server-payg',
  },
  {
    who: 'a shop with six PCs bought with Windows preinstalled',
    path: ['windows', 'own-hardware', 'retail-oem'],
    outcome: 'retail-oem',
  },
  {
    who: 'a company running its servers and pooled desktops in Azure',
    path: ['windows', 'microsoft-cloud'],
    outcome: 'azure-kms',
  },
  {
    who: 'a 4-PC site on a satellite link with no VPN, PCs online',
    path: [...ON_PREMISES_WINDOWS, 'branch-office', 'branch-no-domain', 'branch-fewer', 'branch-no-link', 'clients-online'],
    outcome: 'mak-independent',
  },
  {
    who: 'a production network allowed to reach the head-office KMS host on TCP 1688',
    path: [...ON_PREMISES_WINDOWS, 'isolated-network', 'core-kms-allowed'],
    outcome: 'kms',
  },
  {
    who: 'a segregated server network that is part of the forest',
    path: [...ON_PREMISES_WINDOWS, 'isolated-network', 'no-core-kms', 'in-forest'],
    outcome: 'adba',
  },
  {
    who: 'a research lab of 15 air-gapped machines whose files may leave on USB media',
    path: [...ON_PREMISES_WINDOWS, 'isolated-network', 'no-core-kms', 'not-in-forest', 'token-no', 'isolated-below-threshold', 'media-only'],
    outcome: 'mak-proxy-vamt',
  },
  {
    who: 'a classified network of 12 machines where nothing may leave, not even files',
    path: [...ON_PREMISES_WINDOWS, 'isolated-network', 'no-core-kms', 'not-in-forest', 'token-no', 'isolated-below-threshold', 'phone-only'],
    outcome: 'mak-independent',
  },
  {
    // Cloud desktops are asked where they run before how they are licensed: E3 behind them does not matter.
    who: 'an Azure Virtual Desktop pool of multi-session hosts for users licensed with Microsoft 365 E3',
    path: ['windows', 'microsoft-cloud'],
    outcome: 'azure-kms',
  },
  {
    who: 'a Hyper-V Datacenter cluster running Windows Server guests',
    path: ['windows', 'hyper-v-guests', 'datacenter-hosts'],
    outcome: 'avma',
  },
  {
    who: 'Windows Server guests on Hyper-V Standard hosts, 30 of them with a domain-wide KMS host',
    path: ['windows', 'hyper-v-guests', 'not-datacenter', 'volume', 'main-site', 'central-kms', 'twenty-five-or-more', 'dynamic-dns', 'back-within-180-days'],
    outcome: 'kms',
  },
  {
    who: 'a school whose students use Windows Pro Education devices under Windows Education A3',
    path: ['windows', 'own-hardware', 'education-subscription'],
    outcome: 'subscription-education',
  },
  {
    // Office has its own count: 8 installations activate by KMS whatever the Windows machines are.
    who: 'an office with 8 Office LTSC 2024 installations on PCs that came with OEM Windows, no domain',
    path: [...VOLUME_OFFICE, 'office-no-domain', 'office-five-or-more'],
    outcome: 'office-kms',
  },
  {
    who: 'a domain where every PC runs Office LTSC 2021 on Windows 11',
    path: [...VOLUME_OFFICE, 'office-domain-all'],
    outcome: 'office-adba',
  },
  {
    who: 'three Office LTSC installations on workgroup PCs, each allowed online',
    path: [...VOLUME_OFFICE, 'office-no-domain', 'office-fewer', 'clients-online'],
    outcome: 'mak-independent',
  },
  {
    who: 'a boutique with Office Home & Business bought with its PCs',
    path: ['office', 'office-retail'],
    outcome: 'retail-oem',
  },
  {
    // A forest of the lab's own still gives ADBA: its activation object is created by phone.
    who: 'an isolated lab of 20 machines with an Active Directory forest of its own',
    path: [...ON_PREMISES_WINDOWS, 'isolated-network', 'no-core-kms', 'own-forest'],
    outcome: 'adba',
  },
];

/** Outcomes no organisation is expected to reach, with the reason. Empty: every outcome is reachable. */
const UNREACHED_ON_PURPOSE: Record<string, string> = {};

describe('content/decision-tree.yaml', () => {
  it('parses without problems', () => {
    expect(problems).toEqual([]);
    expect(nodes[0]?.type).toBe('question');
  });

  // The product, where the machines run and how they are licensed come first, so the longest path (Server VMs on
  // hosts that cannot use AVMA, in an isolated network falling back to MAK) asks ten questions.
  it('keeps every path between 1 and 10 questions long', () => {
    const lengths: number[] = [];
    const walk = (id: string, depth: number) => {
      const answers = index.next[id];
      if (!answers) return void lengths.push(depth);
      for (const target of Object.values(answers)) walk(target, depth + 1);
    };
    walk(index.start, 0);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(10);
  });
  // Reachability, cycles, dangling links and orphan factors are the validator's job:
  // test/unit/content.test.ts runs it over the real content, test/unit/tree-rules.test.ts proves each rule.
});

describe('organisations reach the outcome Microsoft’s guidance points to', () => {
  it.each(organisations)('$who → $outcome', ({ path, outcome }) => {
    const result = evaluate(index, path);
    expect(result.error).toBeUndefined();
    expect(result.done).toBe(true);
    expect(result.node).toBe(outcome);
  });

  it('covers every outcome in the tree', () => {
    const outcomes = nodes.filter((node) => node.type === 'outcome').map((node) => node.id);
    const reached = new Set(organisations.map((organisation) => organisation.outcome));
    const missing = outcomes.filter((id) => !reached.has(id) && !(id in UNREACHED_ON_PURPOSE));
    expect(missing).toEqual([]);
    expect(organisations.length).toBeGreaterThanOrEqual(12);
  });
});
