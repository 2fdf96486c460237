import type { Db } from '../platform/database/connection.js';
import { newId } from '../platform/ids.js';

/** Lock key that serialises every change to groups across nodes, so that two writers cannot both insert one code. */
export const GROUPS_LOCK_KEY = 'directory:groups';

export interface GroupMember {
  organizationId: string;
  code: string;
  name: string;
}

export interface Group {
  id: string;
  code: string;
  name: string;
  /** Raised by every change, so that an edit from a stale copy can be detected. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Member organization codes, sorted. */
  organizationCodes: string[];
  /** Member organizations, sorted by code. */
  members: GroupMember[];
}

/** A group's name and members as they are to be stored, with who changes it and when. */
export interface GroupChange {
  name: string;
  organizationIds: string[];
  now: string | null;
  /** Login of the administrator, or null for the command line and the demo loader. */
  updatedBy: string | null;
}

/**
 * Inserts or updates a group by code and replaces its members with the given organizations. An
 * update raises the version.
 */
export async function upsertGroup(db: Db, code: string, name: string, organizationIds: string[], now: string | null = null, updatedBy: string | null = null): Promise<string> {
  const existing = await db.selectFrom('groups').select('id').where('code', '=', code).executeTakeFirst();
  const change = { name, organizationIds, now, updatedBy };

  if (!existing) return insertGroup(db, code, change);

  await db
    .updateTable('groups')
    .set((eb) => ({ name, version: eb('version', '+', 1), updated_at: now, updated_by: updatedBy }))
    .where('id', '=', existing.id)
    .execute();
  await replaceMembers(db, existing.id, organizationIds);

  return existing.id;
}

/** Inserts a new group with its members and returns its id. */
export async function insertGroup(db: Db, code: string, change: GroupChange): Promise<string> {
  const id = newId();

  await db.insertInto('groups').values({ id, code, name: change.name, version: 1, updated_at: change.now, updated_by: change.updatedBy }).execute();
  await replaceMembers(db, id, change.organizationIds);

  return id;
}

/**
 * Replaces a group's name and members if its version is still `expectedVersion`, raising the
 * version. Returns false, changing nothing, when the group is gone or another change came first.
 */
export async function updateGroupAtVersion(db: Db, id: string, expectedVersion: number, change: GroupChange): Promise<boolean> {
  const result = await db
    .updateTable('groups')
    .set((eb) => ({ name: change.name, version: eb('version', '+', 1), updated_at: change.now, updated_by: change.updatedBy }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;

  await replaceMembers(db, id, change.organizationIds);

  return true;
}

/** Deletes a group and its member rows. Returns false when there was no such group. */
export async function deleteGroup(db: Db, id: string): Promise<boolean> {
  await db.deleteFrom('group_members').where('group_id', '=', id).execute();
  const result = await db.deleteFrom('groups').where('id', '=', id).executeTakeFirst();

  return Number(result.numDeletedRows) > 0;
}

export async function listGroups(db: Db): Promise<Group[]> {
  return loadGroups(db, null);
}

export async function findGroupByCode(db: Db, code: string): Promise<Group | null> {
  const [group] = await loadGroups(db, code);

  return group ?? null;
}

async function replaceMembers(db: Db, groupId: string, organizationIds: string[]): Promise<void> {
  await db.deleteFrom('group_members').where('group_id', '=', groupId).execute();
  if (organizationIds.length === 0) return;

  const unique = [...new Set(organizationIds)];
  await db
    .insertInto('group_members')
    .values(unique.map((organizationId) => ({ group_id: groupId, organization_id: organizationId })))
    .execute();
}

async function loadGroups(db: Db, code: string | null): Promise<Group[]> {
  let groupQuery = db.selectFrom('groups').selectAll().orderBy('code');
  if (code !== null) groupQuery = groupQuery.where('code', '=', code);
  const groups = await groupQuery.execute();
  if (groups.length === 0) return [];

  let memberQuery = db
    .selectFrom('group_members')
    .innerJoin('organizations', 'organizations.id', 'group_members.organization_id')
    .select(['group_members.group_id', 'organizations.id', 'organizations.code', 'organizations.name'])
    .orderBy('organizations.code');
  if (code !== null) memberQuery = memberQuery.where('group_members.group_id', '=', groups[0]!.id);
  const members = await memberQuery.execute();

  return groups.map((group) => {
    const own = members.filter((member) => member.group_id === group.id);

    return {
      id: group.id,
      code: group.code,
      name: group.name,
      version: Number(group.version),
      updatedAt: group.updated_at,
      updatedBy: group.updated_by,
      organizationCodes: own.map((member) => member.code),
      members: own.map((member) => ({ organizationId: member.id, code: member.code, name: member.name })),
    };
  });
}
