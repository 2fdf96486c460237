import type { Db } from '../platform/database/connection.js';
import { newId } from '../platform/ids.js';
import { normalizeMailAddress } from './mail-address.js';

export interface Organization {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  parentCode: string | null;
  addresses: { address: string; isAlias: boolean }[];
}

export interface OrganizationInput {
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  parentCode: string | null;
  /** The first address is the primary one; the rest are aliases. */
  addresses: string[];
}

/** Inserts or updates an organization by code and replaces its addresses. */
export async function upsertOrganization(db: Db, input: OrganizationInput, now: string): Promise<string> {
  const existing = await db.selectFrom('organizations').select('id').where('code', '=', input.code).executeTakeFirst();
  const id = existing?.id ?? newId();

  if (existing) {
    await db
      .updateTable('organizations')
      .set({ name: input.name, short_name: input.shortName, kind: input.kind, parent_code: input.parentCode, updated_at: now })
      .where('id', '=', id)
      .execute();
  } else {
    await db
      .insertInto('organizations')
      .values({ id, code: input.code, name: input.name, short_name: input.shortName, kind: input.kind, parent_code: input.parentCode, created_at: now, updated_at: now })
      .execute();
  }

  await db.deleteFrom('organization_addresses').where('organization_id', '=', id).execute();

  const rows = input.addresses.map((address, index) => ({
    address: normalizeMailAddress(address) ?? address.toLowerCase(),
    organization_id: id,
    is_alias: index === 0 ? 0 : 1,
  }));
  if (rows.length > 0) {
    await db.insertInto('organization_addresses').values(rows).execute();
  }

  return id;
}

/** Finds the organization that owns an address (case-insensitive, `+tag` ignored). */
export async function findOrganizationByAddress(db: Db, address: string): Promise<Organization | null> {
  const normalized = normalizeMailAddress(address);
  if (!normalized) return null;

  const row = await db
    .selectFrom('organization_addresses')
    .select('organization_id')
    .where('address', '=', normalized)
    .executeTakeFirst();

  return row ? getOrganization(db, row.organization_id) : null;
}

export async function getOrganization(db: Db, id: string): Promise<Organization | null> {
  const [organization] = await loadOrganizations(db, [id]);
  return organization ?? null;
}

export async function getOrganizationByCode(db: Db, code: string): Promise<Organization | null> {
  const row = await db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirst();
  return row ? getOrganization(db, row.id) : null;
}

/** Maps every organization code to its id. */
export async function loadOrganizationIdsByCode(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('organizations').select(['id', 'code']).execute();

  return new Map(rows.map((row) => [row.code, row.id]));
}

export async function listOrganizations(db: Db): Promise<Organization[]> {
  return loadOrganizations(db, null);
}

async function loadOrganizations(db: Db, ids: string[] | null): Promise<Organization[]> {
  let query = db.selectFrom('organizations').selectAll().orderBy('code');
  if (ids) query = query.where('id', 'in', ids.length > 0 ? ids : ['']);
  const rows = await query.execute();

  let addressQuery = db.selectFrom('organization_addresses').selectAll().orderBy('is_alias').orderBy('address');
  if (ids) addressQuery = addressQuery.where('organization_id', 'in', ids.length > 0 ? ids : ['']);
  const addresses = await addressQuery.execute();

  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    parentCode: row.parent_code,
    addresses: addresses
      .filter((address) => address.organization_id === row.id)
      .map((address) => ({ address: address.address, isAlias: address.is_alias === 1 })),
  }));
}
