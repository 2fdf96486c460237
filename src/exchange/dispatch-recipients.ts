import type { Db } from '../platform/database/connection.js';
import { invalidInput } from '../platform/errors.js';
import { normalizeMailAddress } from '../directory/mail-address.js';
import { findOrganizationByAddress, listOrganizations, type Organization } from '../directory/organization-repository.js';
import { listGroups } from '../directory/group-repository.js';

export interface ResolvedRecipient {
  kind: 'local' | 'remote';
  organizationId: string | null;
  organizationCode: string | null;
  /** The organization's primary address, or the external address as entered (normalised). */
  address: string;
  name: string;
  /** The group code the recipient came from, when it was picked through a group. */
  via: string | null;
  /** That group's name, such as "Các sở, ban, ngành". */
  viaName: string | null;
}

export interface RecipientResolution {
  recipients: ResolvedRecipient[];
  /** Entries that named the sender itself, directly or through a group, and were left out. */
  skippedSender: boolean;
}

const MAX_ENTRIES = 1000;

/**
 * Turns the recipients a clerk picked (organization codes, group codes, mail addresses) into one
 * entry per recipient: groups are expanded, duplicates merged, and an address that belongs to an
 * organization of this installation becomes that organization. The sender is never its own
 * recipient. An entry that matches nothing is an error naming the entry.
 */
export async function resolveRecipients(db: Db, entries: string[], senderOrganizationId: string): Promise<RecipientResolution> {
  if (entries.length === 0) {
    throw invalidInput('recipients', 'Cần chọn ít nhất một nơi nhận.', 'Choose at least one recipient.');
  }
  if (entries.length > MAX_ENTRIES) {
    throw invalidInput('recipients', `Danh sách nơi nhận dài quá ${MAX_ENTRIES} mục.`, `The recipient list has more than ${MAX_ENTRIES} entries.`);
  }

  const organizations = await listOrganizations(db);
  const byCode = new Map(organizations.map((organization) => [organization.code.toLowerCase(), organization]));
  const groups = new Map((await listGroups(db)).map((group) => [group.code.toLowerCase(), group]));

  const recipients = new Map<string, ResolvedRecipient>();
  let skippedSender = false;
  const addLocal = (organization: Organization, via: { code: string; name: string } | null) => {
    if (organization.id === senderOrganizationId) {
      skippedSender = true;
      return;
    }
    if (!recipients.has(organization.id)) recipients.set(organization.id, localRecipient(organization, via));
  };

  for (const raw of entries) {
    const entry = String(raw).normalize('NFC').trim();
    const key = entry.toLowerCase();

    if (entry.includes('@')) {
      const address = externalAddress(entry);
      if (!address) {
        throw invalidInput('recipients', `Địa chỉ thư "${entry}" không hợp lệ.`, `"${entry}" is not a valid mail address.`);
      }
      const owner = await findOrganizationByAddress(db, address);
      if (owner) addLocal(owner, null);
      else if (!recipients.has(address)) recipients.set(address, { kind: 'remote', organizationId: null, organizationCode: null, address, name: address, via: null, viaName: null });
      continue;
    }

    const organization = byCode.get(key);
    if (organization) {
      addLocal(organization, null);
      continue;
    }

    const group = groups.get(key);
    if (group) {
      for (const code of group.organizationCodes) addLocal(byCode.get(code.toLowerCase())!, group);
      continue;
    }

    throw invalidInput(
      'recipients',
      `Không tìm thấy cơ quan hay nhóm có mã "${entry}"; chọn từ danh bạ hoặc nhập địa chỉ thư điện tử.`,
      `No organization or group has the code "${entry}"; pick one from the directory or enter a mail address.`,
    );
  }

  return { recipients: [...recipients.values()], skippedSender };
}

function localRecipient(organization: Organization, via: { code: string; name: string } | null): ResolvedRecipient {
  const primary = organization.addresses.find((address) => !address.isAlias) ?? organization.addresses[0];

  return {
    kind: 'local',
    organizationId: organization.id,
    organizationCode: organization.code,
    address: primary?.address ?? '',
    name: organization.name,
    via: via?.code ?? null,
    viaName: via?.name ?? null,
  };
}

// Another system's address is used as written, with a lower-case domain: its +tag and the case
// of its local part may matter there. Only this installation's own look-ups ignore them.
function externalAddress(entry: string): string | null {
  const trimmed = entry.replace(/^<(.*)>$/, '$1').trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || !normalizeMailAddress(trimmed)) return null;

  const address = `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
  return /^[^@\s]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(address) ? address : null;
}
