/**
 * The one list of methods, stances and tags. Schemas, pages, the matrix,
 * CONTRIBUTING tables and search filters all import from here.
 */

export const METHODS = {
  kms: {
    label: 'KMS',
    name: 'Key Management Service',
    blurb: 'A host on your network activates volume-licensed clients, which try to renew every 7 days; each activation lasts 180 days.',
  },
  mak: {
    label: 'MAK',
    name: 'Multiple Activation Key',
    blurb: 'Each machine activates once with Microsoft, online, by phone or through VAMT.',
  },
  adba: {
    label: 'ADBA',
    name: 'Active Directory-based activation',
    blurb: 'Domain-joined clients activate from an object stored in Active Directory.',
  },
  token: {
    label: 'Token',
    name: 'Token-based activation',
    blurb: 'An issuance licence from Microsoft and certificates from your PKI activate machines in isolated, high-security networks.',
  },
  subscription: {
    label: 'Subscription',
    name: 'Windows subscription activation',
    blurb: 'Windows Enterprise E3/E5 (or Education A3/A5) licences step activated Pro devices up to Enterprise when a licensed user signs in: no Enterprise key, no host.',
  },
  avma: {
    label: 'AVMA',
    name: 'Automatic Virtual Machine Activation',
    blurb: 'Windows Server guests activate through their activated Hyper-V host running Datacenter (or Azure Local), with generic AVMA keys and no host key of their own.',
  },
  m365: {
    label: 'Microsoft 365 Apps',
    name: 'Microsoft 365 Apps activation',
    blurb: 'The subscription version of Office activates by user sign-in, not with KMS, MAK or ADBA.',
  },
  payg: {
    label: 'Pay-as-you-go',
    name: 'Windows Server licensed through Azure Arc',
    blurb: 'Windows Server 2025 outside Azure is licensed and activated through Azure Arc and billed per core by the hour: no product key and no host, but a connection to Azure and a meter that runs until you turn it off.',
  },
} as const;

export type Method = keyof typeof METHODS;
export const METHOD_IDS = Object.keys(METHODS) as [Method, ...Method[]];

/**
 * A pro or con of a method, or a claim from the classic 2008 comparison that
 * turned out wrong (`myth`): a myth is never counted as a pro or con, never in
 * the comparison matrix, and listed under "Classic claims, corrected".
 */
export const STANCES = {
  pro: { label: 'Pro', plural: 'Pros' },
  con: { label: 'Con', plural: 'Cons' },
  myth: { label: 'Classic claim, corrected', plural: 'Classic claims, corrected' },
} as const;

export type Stance = keyof typeof STANCES;
export const STANCE_IDS = Object.keys(STANCES) as [Stance, ...Stance[]];

/** The stances that weigh for or against a method: what outcomes cite and the matrix shows. */
export const WEIGHING_STANCES = ['pro', 'con'] as const satisfies readonly Stance[];
export type WeighingStance = (typeof WEIGHING_STANCES)[number];

export const TAGS = {
  dns: { label: 'DNS', description: 'SRV records, dynamic update and how clients find a host.' },
  'internet-access': { label: 'Internet access', description: 'Which machines must reach Microsoft, and when.' },
  'isolated-networks': { label: 'Isolated networks', description: 'Networks with no route to the internet or the core network.' },
  'branch-offices': { label: 'Branch offices', description: 'Sites away from the core network and how they connect.' },
  'roaming-devices': { label: 'Roaming devices', description: 'Laptops and devices that rarely reach the corporate network.' },
  deployment: { label: 'Deployment', description: 'What activation adds to imaging and installing machines.' },
  renewal: { label: 'Renewal', description: 'How long an activation lasts and how it is renewed.' },
  'activation-threshold': { label: 'Activation threshold', description: 'The KMS minimum counts: 25 for Windows clients and 5 for servers on one count, 5 for Office on its own.' },
  testing: { label: 'Testing', description: 'Labs, test installs and proving a set-up before rollout.' },
  monitoring: { label: 'Monitoring', description: 'What has to be watched to keep activation healthy.' },
  'activation-limits': { label: 'Activation limits', description: 'Keys that allow only a fixed number of activations.' },
  licensing: { label: 'Licensing', description: 'Keys, agreements and how they are managed.' },
  virtualization: { label: 'Virtualization', description: 'Virtual machines, images and clones.' },
  'active-directory': { label: 'Active Directory', description: 'Domains, forests and domain-joined clients.' },
  'small-sites': { label: 'Small sites', description: 'Organisations or sites below the KMS threshold.' },
  security: { label: 'Security', description: 'High-security environments and handling of keys.' },
  office: { label: 'Office', description: 'Volume-licensed Office, Project and Visio, and Microsoft 365 Apps.' },
  cloud: { label: 'Cloud and virtual desktops', description: 'Azure VMs, Azure Virtual Desktop, Windows 365 and pooled virtual desktops.' },
  'service-providers': { label: 'Service providers', description: 'Providers who run activation for several customers.' },
} as const;

export type Tag = keyof typeof TAGS;
export const TAG_IDS = Object.keys(TAGS) as [Tag, ...Tag[]];
