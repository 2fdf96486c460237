import type { Generated } from 'kysely';

/**
 * Table types for the typed query layer. Times are ISO 8601 UTC strings and JSON columns are
 * text on both engines, so that the same queries run on SQLite and PostgreSQL unchanged.
 * Booleans are integers 0/1 for the same reason.
 */
export interface Database {
  organizations: OrganizationTable;
  organization_addresses: OrganizationAddressTable;
  groups: GroupTable;
  group_members: GroupMemberTable;
  users: UserTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  messages: MessageTable;
  attachments: AttachmentTable;
  documents: DocumentTable;
  deliveries: DeliveryTable;
  delivery_events: DeliveryEventTable;
  document_events: DocumentEventTable;
  register_counters: RegisterCounterTable;
  notifications: NotificationTable;
  content_access_log: ContentAccessLogTable;
  settings: SettingTable;
  jobs: JobTable;
  blobs: BlobTable;
  blob_chunks: BlobChunkTable;
  calendar_days: CalendarDayTable;
  dispatches: DispatchTable;
  dispatch_files: DispatchFileTable;
  dispatch_recipients: DispatchRecipientTable;
  dispatch_events: DispatchEventTable;
}

export interface OrganizationTable {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  parent_code: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrganizationAddressTable {
  address: string;
  organization_id: string;
  is_alias: number;
}

export interface GroupTable {
  id: string;
  code: string;
  name: string;
  /** Raised by every change; an edit names the version it started from. */
  version: Generated<number>;
  updated_at: string | null;
  /** Login of the administrator who made the last change; null for the command line and the demo. */
  updated_by: string | null;
}

export interface GroupMemberTable {
  group_id: string;
  organization_id: string;
}

export interface UserTable {
  id: string;
  login: string;
  full_name: string;
  email: string | null;
  password_hash: string;
  organization_id: string;
  roles: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginFailureTable {
  id: Generated<number>;
  login: string;
  remote_address: string | null;
  at: string;
}

export interface MessageTable {
  id: string;
  message_id_header: string | null;
  content_sha256: string;
  raw_sha256: string;
  /** The raw message's file in the blob store's `incoming/` folder until processing moves it. */
  raw_spool: Generated<string | null>;
  size: number;
  received_at: string;
  source: string;
  envelope_from: string | null;
  envelope_to: string;
  recipient_organization_ids: string;
  remote_address: string | null;
  helo: string | null;
  processing_status: string;
  processing_attempts: number;
  processing_error: string | null;
  processed_at: string | null;
  kind: string | null;
  subject: string | null;
  from_address: string | null;
  from_name: string | null;
  sender_organization_id: string | null;
  parsed: string | null;
  flags: string;
  has_meeting: number;
  reports_on_message_id: string | null;
  /** The node processing the message, and until when its claim holds. */
  claimed_by: Generated<string | null>;
  lease_expires_at: Generated<string | null>;
}

export interface AttachmentTable {
  id: string;
  message_id: string;
  part_path: string;
  filename: string;
  filename_original: string;
  declared_type: string;
  detected_type: string;
  disposition: string | null;
  size: number;
  sha256: string;
  is_document: number;
  forwarded: number;
  flags: string;
}

export interface DocumentTable {
  id: string;
  message_id: string;
  attachment_id: string | null;
  /** The recipient organization whose copy this is; null for a quarantined document, which has no recipient. */
  organization_id: string | null;
  document_index: number;
  recognized: string;
  fields: string;
  type: string;
  number: string | null;
  notation: string | null;
  issued_on: string | null;
  place: string | null;
  issuer: string | null;
  issuer_code: string | null;
  subject: string | null;
  signer: string | null;
  signer_position: string | null;
  urgency: string;
  confidentiality: string;
  meeting: string | null;
  quarantined: number;
  flags: string;
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface DeliveryTable {
  id: string;
  document_id: string;
  organization_id: string;
  dedupe_key: string;
  register_year: number;
  register_number: number;
  status: string;
  received_at: string;
  updated_at: string;
}

export interface DeliveryEventTable {
  id: Generated<number>;
  delivery_id: string;
  at: string;
  kind: string;
  actor_user_id: string | null;
  actor_name: string | null;
  organization_id: string;
  reason: string | null;
  data: string | null;
}

export interface DocumentEventTable {
  id: Generated<number>;
  document_id: string;
  at: string;
  kind: string;
  actor_user_id: string | null;
  actor_name: string | null;
  organization_id: string | null;
  data: string;
}

export interface RegisterCounterTable {
  organization_id: string;
  direction: string;
  year: number;
  last_number: number;
}

export interface NotificationTable {
  id: string;
  organization_id: string;
  at: string;
  kind: string;
  message_id: string | null;
  document_id: string | null;
  text: string;
  read_at: string | null;
}

export interface ContentAccessLogTable {
  id: Generated<number>;
  at: string;
  user_id: string;
  organization_id: string;
  action: string;
  document_id: string | null;
  attachment_id: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface JobTable {
  id: string;
  kind: string;
  /** JSON. */
  payload: string;
  /** At most one job with this key exists, so enqueueing twice is harmless. */
  dedupe_key: string | null;
  status: 'pending' | 'running' | 'done' | 'failed';
  run_at: string;
  attempts: Generated<number>;
  max_attempts: number;
  claimed_by: string | null;
  lease_expires_at: string | null;
  last_error: string | null;
  /** JSON summary a finished job returns. */
  result: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface BlobTable {
  sha256: string;
  size: number;
  chunk_count: number;
  created_at: string;
}

export interface BlobChunkTable {
  sha256: string;
  chunk_index: number;
  data: Uint8Array;
}

/** An administrator's correction of the working calendar for one date (YYYY-MM-DD). */
export interface CalendarDayTable {
  date: string;
  /** One of CALENDAR_DAY_KINDS in src/exchange/calendar/calendar-day.ts. */
  kind: string;
  name_vi: string;
  name_en: string;
  /** Login of the administrator who made the correction. */
  updated_by: string | null;
  updated_at: string;
}

export interface DispatchTable {
  id: string;
  /** The sending organization. */
  organization_id: string;
  created_by_user_id: string | null;
  created_by_name: string | null;
  status: 'draft' | 'sent' | 'withdrawn';
  source: 'web' | 'api' | 'submission';
  /** Null only on a draft whose type the clerk has not picked yet; likewise urgency and confidentiality. */
  type: string | null;
  number: string | null;
  notation: string | null;
  issued_on: string | null;
  place: string | null;
  subject: string | null;
  signer: string | null;
  signer_position: string | null;
  urgency: string | null;
  /** Độ mật: `none` on every sent dispatch, since classified documents are never sent by e-mail. */
  confidentiality: string | null;
  /** Hạn xử lý: the date by which recipients should have handled the document. */
  due_on: string | null;
  /** JSON list of the recipients as entered (organization codes, group codes, addresses). */
  recipients: string;
  /** The outgoing register entry: numbered per organization and year once sent. */
  register_year: number | null;
  register_number: number | null;
  /** The built MIME message, stored like a received one, that local copies point at. */
  message_row_id: string | null;
  message_id_header: string | null;
  withdraw_reason: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  withdrawn_at: string | null;
}

export interface DispatchFileTable {
  dispatch_id: string;
  position: number;
  role: 'document' | 'attachment';
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
}

export interface DispatchRecipientTable {
  id: string;
  dispatch_id: string;
  kind: 'local' | 'remote';
  organization_id: string | null;
  address: string | null;
  name: string;
  status: string;
  /** A local recipient's incoming delivery, whose actions move this status at once. */
  delivery_id: string | null;
  /** When the copy becomes overdue unless accepted, counted in working hours. */
  overdue_at: string | null;
  reminded_at: string | null;
  updated_at: string;
}

export interface DispatchEventTable {
  id: Generated<number>;
  recipient_id: string;
  at: string;
  kind: string;
  actor_name: string | null;
  detail: string | null;
}
