// Shapes of the dispatch API under /api/v1/dispatches, as the server returns them.
import type { Confidentiality, DocumentItem, Flag, RecognizedField, Urgency } from './types';

/** Status of each recipient's copy as shown to the sender. Accepted, rejected and withdrawn are final. */
export const recipientStatuses = ['queued', 'delivered', 'read', 'accepted', 'rejected', 'failed', 'withdrawn'] as const;
export type RecipientStatus = (typeof recipientStatuses)[number];

/** `delayed`, `reminded` and `resent` stay in a recipient's timeline without changing its status. */
export type RecipientEventKind = RecipientStatus | 'delayed' | 'reminded' | 'resent';

export const dispatchStatuses = ['draft', 'sent', 'withdrawn'] as const;
export type DispatchStatus = (typeof dispatchStatuses)[number];

export interface DispatchCounts {
  total: number;
  accepted: number;
  rejected: number;
  failed: number;
  withdrawn: number;
  /** Copies not accepted yet and past the time they should have been accepted by. */
  overdue: number;
}

export interface DispatchSummary {
  id: string;
  status: DispatchStatus;
  /** ISO timestamp in UTC, or null for a draft. */
  sentAt: string | null;
  registerYear: number | null;
  /** Place in the organization's outgoing register of the year (số đi). */
  registerNumber: number | null;
  /** Null, like typeName and urgency, only on a draft where the clerk has not set it. */
  type: string | null;
  typeName: string | null;
  number: string | null;
  notation: string | null;
  subject: string | null;
  urgency: Urgency | null;
  /** Calendar date `YYYY-MM-DD`. */
  dueOn: string | null;
  /** Full name of the user who sent it. */
  createdBy: string | null;
  counts: DispatchCounts;
}

export interface DispatchPage {
  items: DispatchSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RecipientEvent {
  at: string;
  kind: RecipientEventKind;
  actor: string | null;
  /** A reason (rejection, recall) or the remote server's reply. */
  detail: string | null;
}

export interface DispatchDelivery {
  recipientId: string;
  /** An organization of this installation by name, or the address of a remote recipient. */
  recipient: string;
  address: string | null;
  organizationCode: string | null;
  /** `local` is an organization of this installation, and `remote` an address reached by SMTP. */
  kind: 'local' | 'remote';
  status: RecipientStatus;
  overdue: boolean;
  /** ISO timestamp after which a copy not yet accepted counts as overdue. */
  overdueAt: string | null;
  events: RecipientEvent[];
}

export interface DispatchFile {
  /** Index in the dispatch, used in the download path. */
  position: number;
  role: 'document' | 'attachment';
  filename: string;
  contentType: string;
  /** Bytes. */
  size: number;
}

export interface DispatchDetail extends DispatchSummary {
  issuedOn: string | null;
  place: string | null;
  signer: string | null;
  signerPosition: string | null;
  /** `none` once sent. A draft keeps the clerk's choice, or null when none was made. */
  confidentiality: Confidentiality | null;
  withdrawReason: string | null;
  /** Group codes, organization codes and mail addresses as the clerk entered them. A draft is edited from these. */
  recipientEntries: string[];
  files: DispatchFile[];
  deliveries: DispatchDelivery[];
}

/** Metadata part of a new dispatch, with null for an empty optional field. */
export interface DispatchMetadata {
  type: string;
  number: string | null;
  notation: string | null;
  issuedOn: string | null;
  place: string | null;
  subject: string;
  signer: string | null;
  signerPosition: string | null;
  urgency: Urgency;
  confidentiality: Confidentiality;
  dueOn: string | null;
}

/**
 * Metadata part of a draft. The server accepts any subset and checks the whole only when the draft is
 * sent. A field left out or null stays unset, so the type is left out until the clerk picks one.
 */
export type DraftMetadata = { [Field in keyof DispatchMetadata]?: DispatchMetadata[Field] | null };

export interface ResolvedRecipient {
  kind: 'local' | 'remote';
  organizationCode: string | null;
  address: string;
  name: string;
  /** Code of the group the recipient was picked through. */
  via: string | null;
  /** Name of that group, such as "Các sở, ban, ngành". */
  viaName: string | null;
}

/** Recipient choices for a clerk: the directory's groups and organizations, without the sender. */
export interface RecipientOptions {
  groups: { code: string; name: string; memberCount: number }[];
  organizations: { code: string; name: string; shortName: string | null; kind: string }[];
}

export interface RecipientPreview {
  recipients: ResolvedRecipient[];
  /** True when the sender itself was named, directly or through a group, and left out. */
  skippedSender: boolean;
}

/** Metadata recognised in an uploaded document, by the same field names as incoming documents. */
export type RecognizedMetadata = Pick<
  DocumentItem,
  'type' | 'number' | 'notation' | 'issuedOn' | 'place' | 'issuer' | 'issuerCode' | 'subject' | 'signer' | 'signerPosition' | 'urgency' | 'confidentiality'
>;

export interface AnalyzedDocument {
  metadata: RecognizedMetadata;
  fields: Record<string, RecognizedField>;
  flags: Flag[];
  /** Content type decided from the bytes, not from the file name. */
  detectedType: string;
}

export interface SentDispatch {
  id: string;
  number: string;
  notation: string | null;
  registerNumber: number;
}

export interface WithdrawResult {
  /** How many copies were recalled. */
  withdrawn: number;
  dispatch: DispatchDetail;
}

/** Response body of POST /dispatches with `draft=true`. */
export interface CreatedDraft {
  id: string;
  status: 'draft';
}

export interface SendingRules {
  /** Type codes that may not be sent by e-mail. */
  typesNotByEmail: string[];
  /** Type codes whose sealed paper original must also be sent. */
  paperCopyTypes: string[];
  allowedFileTypes: string[];
  maxFileBytes: number;
  maxTotalBytes: number;
}

export interface SendingRulesSettings {
  rules: SendingRules;
  /** Label of every content type an administrator may allow, such as `application/pdf` → PDF. */
  fileKinds: Record<string, string>;
}
