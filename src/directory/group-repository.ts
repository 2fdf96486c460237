import type { Db } from '../platform/database/connection.js';
import { newId } from '../platform/ids.js';

export interface Group {
  id: string;
  code: string;
  name: string;
  organizationCodes: string[];
}

/** Inserts or updates a group by code and replaces its members with the given organizations. */
export async function upsertGroup(db: Db, code: string, name: string, organizationIds: string[]): Promise<string> {
  const existing = await db.selectFrom('groups').select('id').where('code', '=', code).executeTakeFirst();
  const id = existing?.id ?? newId();

  if (existing) {
    await db.updateTable('groups').set({ name }).where('id', '=', id).execute();
  } else {
    await db.insertInto('groups').values({ id, code, name }).execute();
  }

  await db.deleteFrom('group_members').where('group_id', '=', id).execute();
  if (organizationIds.length > 0) {
    await db
      .insertInto('group_members')
      .values(organizationIds.map((organizationId) => ({ group_id: id, organization_id: organizationId })))
      .execute();
  }

  return id;
}

export async function listGroups(db: Db): Promise<Group[]> {
  const groups = await db.selectFrom('groups').selectAll().orderBy('code').execute();
  const members = await db
    .selectFrom('group_members')
    .innerJoin('organizations', 'organizations.id', 'group_members.organization_id')
    .select(['group_members.group_id', 'organizations.code'])
    .orderBy('organizations.code')
    .execute();

  return groups.map((group) => ({
    id: group.id,
    code: group.code,
    name: group.name,
    organizationCodes: members.filter((member) => member.group_id === group.id).map((member) => member.code),
  }));
}
