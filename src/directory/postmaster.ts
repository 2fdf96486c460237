import type { Db } from '../platform/database/connection.js';
import { getOrganization, type Organization } from './organization-repository.js';

// The Office runs the province's mail and so reads what is sent to postmaster.
const POSTMASTER_KIND_PREFERENCE = ['office', 'province'];

/**
 * Finds who receives postmaster@DOMAIN for a domain the directory uses (RFC 5321 section 4.5.1
 * requires every mail domain to accept it): an organization that owns the address itself, else
 * the Office, else the provincial committee, else any organization with an address there.
 */
export async function findPostmasterOrganization(db: Db, domain: string): Promise<Organization | null> {
  const rows = await db
    .selectFrom('organization_addresses')
    .innerJoin('organizations', 'organizations.id', 'organization_addresses.organization_id')
    .select(['organizations.id', 'organizations.kind'])
    .where('organization_addresses.address', 'like', `%@${domain.replace(/[%_\\]/g, '')}`)
    .execute();
  if (rows.length === 0) return null;

  const preferred = POSTMASTER_KIND_PREFERENCE.map((kind) => rows.find((row) => row.kind === kind)).find(Boolean) ?? rows[0]!;
  return getOrganization(db, preferred.id);
}
