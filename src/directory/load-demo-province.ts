import type { AppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import { lockKeys } from '../platform/database/row-locks.js';
import { DEMO_DOMAIN, DEMO_GROUPS, DEMO_OFFICE_USERS, DEMO_ORGANIZATIONS, type DemoUser } from './demo-province.js';
import { upsertGroup } from './group-repository.js';
import { upsertOrganization } from './organization-repository.js';
import { generatePassword, hashPassword } from './passwords.js';
import { upsertUser } from './user-repository.js';

export interface DemoCredential {
  login: string;
  password: string;
  fullName: string;
  organizationCode: string;
  organizationName: string;
  roles: string[];
}

/**
 * Loads the demo province (organizations, groups, one clerk per organization, a monitor and an
 * administrator at the Office) into a directory that has no organizations yet. A directory with
 * any organization is left alone, and `loaded` is false. Every user gets a generated password,
 * stored as an argon2 hash and returned only here, so that the caller can print it once.
 */
export async function loadDemoProvince(ctx: AppContext): Promise<{ loaded: boolean; credentials: DemoCredential[] }> {
  if (await hasOrganizations(ctx.db)) return { loaded: false, credentials: [] };

  // @node-rs/argon2 hashes off the main thread, so hashes started together run in parallel: the
  // whole load took about 0.25 s on a 2-CPU machine, where the 33 hashes one by one take 0.4 s.
  // Hashing happens before the transaction to keep the write lock short.
  const users = demoUsers();
  const passwords = await Promise.all(
    users.map(async () => {
      const password = generatePassword();

      return { password, hash: await hashPassword(password) };
    }),
  );
  const now = ctx.clock.now().toISOString();

  const loaded = await ctx.db.transaction().execute(async (trx) => {
    // Another process may have loaded the directory while the passwords were hashed. On
    // PostgreSQL two nodes starting together both get here; the lock lets one load and the
    // other see its organizations.
    await lockKeys(trx, ctx.engine, ['directory:demo-load']);
    if (await hasOrganizations(trx)) return false;

    const organizationIds = new Map<string, string>();
    for (const organization of DEMO_ORGANIZATIONS) {
      const addresses = organization.addresses.map((address) => address.replace(`@${DEMO_DOMAIN}`, `@${ctx.config.demoDomain}`));
      organizationIds.set(organization.code, await upsertOrganization(trx, { ...organization, addresses }, now));
    }

    for (const group of DEMO_GROUPS) {
      const members = DEMO_ORGANIZATIONS.filter((organization) => group.memberKinds.includes(organization.kind));
      await upsertGroup(trx, group.code, group.name, members.map((organization) => organizationIds.get(organization.code)!));
    }

    for (const [index, user] of users.entries()) {
      const organizationId = organizationIds.get(user.organizationCode)!;
      await upsertUser(trx, { login: user.login, fullName: user.fullName, email: null, organizationId, roles: user.roles }, passwords[index]!.hash, now);
    }

    return true;
  });

  if (!loaded) return { loaded: false, credentials: [] };

  const organizationNames = new Map(DEMO_ORGANIZATIONS.map((organization) => [organization.code, organization.name]));
  const credentials = users.map((user, index) => ({
    login: user.login,
    password: passwords[index]!.password,
    fullName: user.fullName,
    organizationCode: user.organizationCode,
    organizationName: organizationNames.get(user.organizationCode)!,
    roles: [...user.roles],
  }));

  return { loaded: true, credentials };
}

/** Lists the clerk of each organization, whose login is the local part of its primary address, then the Office's other users. */
export function demoUsers(): DemoUser[] {
  const clerks = DEMO_ORGANIZATIONS.map((organization) => ({
    login: organization.addresses[0]!.split('@')[0]!,
    fullName: organization.clerk,
    organizationCode: organization.code,
    roles: ['clerk' as const],
  }));

  return [...clerks, ...DEMO_OFFICE_USERS];
}

async function hasOrganizations(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();

  return row !== undefined;
}
