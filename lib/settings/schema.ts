/**
 * The shape of CallFirst's settings and their defaults. Pure data with no browser access,
 * so the analysis core, the CLI and the extension all read the same definitions.
 */

export const SITE_IDS = ['gmail', 'outlook'] as const;
export type SiteId = (typeof SITE_IDS)[number];

export const SENSITIVITIES = ['low', 'normal', 'high'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** Detectors a manager or rep can switch off one by one. `overdue` is the contact-history signal. */
export const RULE_IDS = ['checkin', 'questions', 'length', 'thread', 'conflict', 'overdue'] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** CRMs CallFirst can connect to (HubSpot could follow). */
export const CRM_PROVIDERS = ['salesforce'] as const;
export type CrmProviderId = (typeof CRM_PROVIDERS)[number];

/**
 * The organisation's CRM connection: set by policy only, off while any of provider, myDomain and
 * clientId is missing. `sendNotes` false sends call records without the rep's notes.
 */
export interface CrmSettings {
  provider: CrmProviderId | '';
  /** The org's My Domain host, e.g. `acme.my.salesforce.com`. */
  myDomain: string;
  /** The org's External Client App (OAuth 2.0 + PKCE, no secret). */
  clientId: string;
  sendNotes: boolean;
}

export interface Settings {
  /** Mail sites where the coach runs. */
  sites: SiteId[];
  /** Moves the score thresholds: low nudges less, high nudges more. */
  sensitivity: Sensitivity;
  rules: Record<RuleId, boolean>;
  /** Own-text words above which a draft counts as long. */
  wordThreshold: number;
  /** Open questions at which a draft counts as question-heavy. */
  questionThreshold: number;
  /** Messages in a conversation at which it counts as a long back-and-forth. */
  threadThreshold: number;
  /** Extra check-in phrases the organisation wants flagged. */
  checkinPhrases: string[];
  /** Phrases that never count toward a nudge. */
  ignorePhrases: string[];
  dailyCallGoal: number;
  /** Addresses (lower case) the rep never wants nudged about. */
  mutedContacts: string[];
  /** Count emails and calls but never show a nudge. */
  quietMode: boolean;
  /** Days of events kept in the ledger before pruning. */
  retentionDays: number;
  /** Show "Last call: … ago" in the nudge. */
  showContactHistory: boolean;
  /** Days without a call after which a contact counts as overdue. */
  overdueDays: number;
  crm: CrmSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  sites: ['gmail', 'outlook'],
  sensitivity: 'normal',
  rules: { checkin: true, questions: true, length: true, thread: true, conflict: true, overdue: true },
  wordThreshold: 250,
  questionThreshold: 4,
  threadThreshold: 5,
  checkinPhrases: [],
  ignorePhrases: [],
  dailyCallGoal: 5,
  mutedContacts: [],
  quietMode: false,
  retentionDays: 365,
  showContactHistory: true,
  overdueDays: 30,
  crm: { provider: '', myDomain: '', clientId: '', sendNotes: true },
};
