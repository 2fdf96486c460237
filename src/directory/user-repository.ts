import type { Db } from '../platform/database/connection.js';
import { newId } from '../platform/ids.js';
import { isRole, type Role } from './roles.js';

export interface User {
  id: string;
  login: string;
  fullName: string;
  email: string | null;
  organizationId: string;
  roles: Role[];
  disabled: boolean;
}

export interface UserInput {
  login: string;
  fullName: string;
  email: string | null;
  organizationId: string;
  roles: Role[];
}

/**
 * Inserts or updates a user by login. A new user needs a password hash; an existing user keeps
 * theirs unless one is given.
 */
export async function upsertUser(db: Db, input: UserInput, passwordHash: string | null, now: string): Promise<{ id: string; created: boolean }> {
  const existing = await db.selectFrom('users').select('id').where('login', '=', input.login).executeTakeFirst();

  if (existing) {
    const before = await db.selectFrom('users').select(['organization_id', 'roles']).where('id', '=', existing.id).executeTakeFirstOrThrow();
    await db
      .updateTable('users')
      .set({
        full_name: input.fullName,
        email: input.email,
        organization_id: input.organizationId,
        roles: JSON.stringify(input.roles),
        updated_at: now,
        ...(passwordHash ? { password_hash: passwordHash } : {}),
      })
      .where('id', '=', existing.id)
      .execute();

    // A new password, organization or set of roles ends the sessions opened under the old ones.
    const changed = passwordHash !== null || before.organization_id !== input.organizationId || before.roles !== JSON.stringify(input.roles);
    if (changed) await db.deleteFrom('sessions').where('user_id', '=', existing.id).execute();
    return { id: existing.id, created: false };
  }

  if (!passwordHash) {
    throw new Error(`User ${input.login} is new and needs a password.`);
  }

  const id = newId();
  await db
    .insertInto('users')
    .values({
      id,
      login: input.login,
      full_name: input.fullName,
      email: input.email,
      password_hash: passwordHash,
      organization_id: input.organizationId,
      roles: JSON.stringify(input.roles),
      disabled: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, created: true };
}

/** Sets a user's password and ends every session opened with the old one. */
export async function setPasswordHash(db: Db, login: string, passwordHash: string, now: string): Promise<boolean> {
  const user = await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst();
  if (!user) return false;

  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', user.id).execute();
  await db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  return true;
}

export async function findUserByLogin(db: Db, login: string): Promise<(User & { passwordHash: string }) | null> {
  const row = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function getUser(db: Db, id: string): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function listUsers(db: Db): Promise<(User & { organizationCode: string })[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .selectAll('users')
    .select('organizations.code as organization_code')
    .orderBy('users.login')
    .execute();
  return rows.map((row) => ({ ...toUser(row), organizationCode: row.organization_code }));
}

interface UserRow {
  id: string;
  login: string;
  full_name: string;
  email: string | null;
  organization_id: string;
  roles: string;
  disabled: number;
}

function toUser(row: UserRow): User {
  const roles = (JSON.parse(row.roles) as string[]).filter(isRole);
  return {
    id: row.id,
    login: row.login,
    fullName: row.full_name,
    email: row.email,
    organizationId: row.organization_id,
    roles,
    disabled: row.disabled === 1,
  };
}
