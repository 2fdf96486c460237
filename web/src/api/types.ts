// Shapes of the JSON API under /api/v1, as the server returns them.

export type Role = 'clerk' | 'staff' | 'leader' | 'monitor' | 'admin';

export interface Organization {
  code: string;
  name: string;
  shortName: string | null;
}

export interface User {
  id: string;
  login: string;
  fullName: string;
  roles: Role[];
  organization: Organization;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export const deliveryStatuses = ['delivered', 'read', 'accepted', 'rejected', 'withdrawn'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const urgencies = ['normal', 'urgent', 'very-urgent', 'flash'] as const;
export type Urgency = (typeof urgencies)[number];

export const confidentialities = ['none', 'confidential', 'secret', 'top-secret'] as const;
export type Confidentiality = (typeof confidentialities)[number];

export interface Flag {
  code: string;
  message: string;
}

export interface DocumentItem {
  id: string;
  registerNumber: number;
  registerYear: number;
  /** ISO timestamp in UTC. */
  receivedAt: string;
  status: DeliveryStatus;
  /** Decree 30 type code such as `GM` or `CV`, or `unknown`. */
  type: string;
  typeName: string;
  number: string | null;
  notation: string | null;
  /** Calendar date `YYYY-MM-DD`. */
  issuedOn: string | null;
  place: string | null;
  issuer: string | null;
  issuerCode: string | null;
  subject: string | null;
  signer: string | null;
  signerPosition: string | null;
  urgency: Urgency;
  confidentiality: Confidentiality;
  flags: Flag[];
}

export interface DocumentPage {
  items: DocumentItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface DocumentType {
  code: string;
  name: string;
  nameEn: string;
}

export interface RecognizedField {
  value: unknown;
  /** Confidence from 0 to 1. */
  confidence: number;
  source: string;
}

export interface Correction {
  field: string;
  from: unknown;
  to: unknown;
  at: string;
  actor: string | null;
}

export type DocumentEventKind = 'delivered' | 'read' | 'accepted' | 'rejected' | 'corrected' | 'withdrawn';

export interface DocumentEvent {
  at: string;
  kind: DocumentEventKind;
  actor: string | null;
  reason: string | null;
}

export interface MailAddress {
  name: string;
  address: string;
}

export interface MailMessage {
  messageId: string | null;
  from: MailAddress | null;
  to: MailAddress[];
  subject: string | null;
  date: string | null;
  text: string;
  /** HTML body, already sanitised by the server. */
  html: string | null;
  /** DKIM, SPF and DMARC results on arrival; null for copies sent inside this installation. */
  authentication: SenderAuthentication | null;
}

export interface SenderAuthentication {
  fromDomain: string | null;
  verifiedBy: 'dkim' | 'spf' | null;
  dkim: string;
  spf: string;
  dmarc: string;
  dmarcPolicy: string | null;
}

export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  /** Bytes. */
  size: number;
  sha256: string;
  isMain: boolean;
  flags: Flag[];
}

export interface DocumentDetail extends DocumentItem {
  fields: Record<string, RecognizedField>;
  corrections: Correction[];
  events: DocumentEvent[];
  message: MailMessage;
  attachments: Attachment[];
  /** The meeting of an invitation or summons, when recognition found one. */
  meeting?: Meeting | null;
}

export interface Meeting {
  /** ISO timestamp in UTC. */
  start: string;
  location: string | null;
}

/** Metadata a clerk may correct. Only the changed fields are sent, and null clears a field. */
export interface MetadataPatch {
  type?: string;
  number?: string | null;
  notation?: string | null;
  issuedOn?: string | null;
  place?: string | null;
  issuer?: string | null;
  subject?: string | null;
  signer?: string | null;
  signerPosition?: string | null;
  urgency?: Urgency;
}

export interface RegisterEntry {
  registerNumber: number;
  receivedAt: string;
  issuer: string | null;
  number: string | null;
  notation: string | null;
  issuedOn: string | null;
  type: string;
  typeName: string;
  subject: string | null;
  recipient: string | null;
  note: string | null;
  documentId: string;
}

/** A register of one organization and year, with its entries by entry number. */
export interface Register<Entry> {
  year: number;
  organization: { code: string; name: string };
  entries: Entry[];
}

export type IncomingRegister = Register<RegisterEntry>;

export interface OutgoingRegisterEntry {
  /** Place in the organization's outgoing register of the year (số đi). */
  registerNumber: number;
  number: string | null;
  notation: string | null;
  /** Calendar date `YYYY-MM-DD`. */
  issuedOn: string | null;
  type: string;
  typeName: string;
  subject: string | null;
  /** Position and name of the signer, such as "Chánh Văn phòng Nguyễn Văn A". */
  signer: string | null;
  /** Name of every recipient. Their count is the register's "Số lượng bản". */
  recipients: string[];
  /** ISO timestamp in UTC. */
  sentAt: string;
  status: 'sent' | 'withdrawn';
  /** The recall and its reason for a recalled dispatch, otherwise empty. */
  note: string;
  dispatchId: string;
}

export type OutgoingRegister = Register<OutgoingRegisterEntry>;

export interface FlaggedMessage {
  id: string;
  messageId: string;
  documentId: string | null;
  receivedAt: string;
  from: string | null;
  subject: string | null;
  /** A classified document held back from the mailbox; only monitors see these. */
  quarantined?: boolean;
  flags: Flag[];
}

/** `classified-refused`: a classified document that this organization sent was held back. */
export type NotificationKind = 'classified-refused' | (string & {});

/** A notice to the user's organization; the server writes its text in Vietnamese. */
export interface Notification {
  id: string;
  /** ISO timestamp in UTC. */
  at: string;
  kind: NotificationKind;
  text: string;
  documentId: string | null;
  read: boolean;
}

export const calendarDayKinds = ['holiday', 'makeup-day-off', 'makeup-working-day', 'working-day'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

/**
 * Origin of a calendar day's entry: `default` is computed from the Labour Code, `seeded` is a
 * Government announcement shipped with the server, and `administrator` is a correction made here.
 */
export type CalendarDaySource = 'default' | 'seeded' | 'administrator';

/** A date whose status differs from the rule that Monday to Friday are working days. */
export interface CalendarDay {
  /** Calendar date `YYYY-MM-DD`. */
  date: string;
  kind: CalendarDayKind;
  working: boolean;
  /** The name in the request's language. */
  name: string;
  nameVi: string;
  nameEn: string;
  source: CalendarDaySource;
  /** Login of the administrator who made the correction, or null for other sources. */
  updatedBy: string | null;
  /** ISO timestamp in UTC of the correction, or null for other sources. */
  updatedAt: string | null;
}

export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}

/** An administrator's entry for one date, which replaces what the rules give for it. */
export interface CalendarCorrection {
  kind: CalendarDayKind;
  nameVi: string;
  nameEn: string;
}
