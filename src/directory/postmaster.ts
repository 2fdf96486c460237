import type { Db } from '../platform/database/connection.js';
import { getOrganization, type Organization } from './organization-repository.js';

// The Office runs the province's mail and so reads what is sent to postmaster.
const POSTMASTER_KIND_PREFERENCE = ['office', 'province'];

/**
 * Finds the organization that receives postmaster@DOMAIN for a domain the directory uses, since
 * RFC 5321 section 4.5.1 requires every mail domain to accept it. An organization that owns the
 * address itself wins, then the Office, the provincial committee, and any organization there.
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
