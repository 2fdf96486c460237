import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openAppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import { getOrganization, getOrganizationByCode, type Organization } from '../directory/organization-repository.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../directory/passwords.js';
import { isRole, ROLES, type Role } from '../directory/roles.js';
import { findUserByLogin, listUsers, setPasswordHash, upsertUser, type User } from '../directory/user-repository.js';
import { CliError } from './cli-error.js';
import { readPasswordFromStdin } from './read-stdin.js';

export async function runUsersCommand(config: Config, args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;

  switch (subcommand) {
    case 'add':
      return addUser(config, rest);
    case 'list':
      return printUsers(config);
    case 'passwd':
      return changePassword(config, rest);
    default:
      throw new CliError(`Unknown users subcommand "${subcommand ?? ''}": use add, list or passwd.`, 2);
  }
}

/**
 * Creates a user. An existing login is changed only with --update, and moved to another
 * organization only with --move as well, so that a mistyped login cannot silently take over
 * someone else's account. With --update, empty standard input keeps the password and a left-out
 * --email keeps the stored address.
 */
async function addUser(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      login: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      roles: { type: 'string' },
      email: { type: 'string' },
      update: { type: 'boolean', default: false },
      move: { type: 'boolean', default: false },
    },
  });
  if (!values.login || !values.name || !values.org || !values.roles) {
    throw new CliError('users add needs --login, --name, --org and --roles; the password comes from standard input.', 2);
  }
  if (values.move && !values.update) {
    throw new CliError('--move changes an existing user, so it goes with --update: users add --update --move --login L …', 2);
  }

  const login = values.login.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(login)) {
    throw new CliError(`Invalid --login "${values.login}": use 3 to 64 characters a-z, 0-9, dot, underscore or hyphen.`, 2);
  }
  const roles = parseRoles(values.roles);
  const password = await readPasswordFromStdin();
  if (!(values.update && password === '')) assertValidPassword(password);
  const passwordHash = password === '' ? null : await hashPassword(password);

  const ctx = await openAppContext(config);
  try {
    const outcome = await ctx.db.transaction().execute(async (trx) => {
      const organization = await getOrganizationByCode(trx, values.org!.trim().toUpperCase());
      if (!organization) throw new CliError(`Organization ${values.org} not found: import it first (congvan directory import) or check the code.`, 1);

      const existing = await findUserByLogin(trx, login);
      if (existing) await assertMayChange(trx, existing, organization, { update: values.update!, move: values.move! });
      if (!existing && passwordHash === null) {
        throw new CliError(`User ${login} does not exist yet, so it needs a password on standard input.`, 2);
      }

      const email = values.email !== undefined ? emptyToNull(values.email.trim().toLowerCase()) : (existing?.email ?? null);
      await upsertUser(
        trx,
        { login, fullName: values.name!.normalize('NFC'), email, organizationId: organization.id, roles },
        passwordHash,
        ctx.clock.now().toISOString(),
      );

      return { organization, verb: changeVerb(existing, organization) };
    });

    process.stdout.write(`${outcome.verb} user ${login} (${roles.join(', ')}) at ${outcome.organization.code} ${outcome.organization.name}.\n`);
    return 0;
  } finally {
    await ctx.close();
  }
}

/** Raises exit code 1, naming the user's organization and roles, unless the flags allow the change. */
async function assertMayChange(db: Db, existing: User, target: Organization, flags: { update: boolean; move: boolean }): Promise<void> {
  const current = (await getOrganization(db, existing.organizationId))!;
  const where = `${current.code} (${current.name}) with roles ${existing.roles.join(', ')}`;

  if (!flags.update) {
    throw new CliError(
      `User ${existing.login} already exists at ${where}; nothing was changed. To change their name, roles, e-mail or password, run the command again with --update${current.id === target.id ? '' : `, and with --move to move them to ${target.code}`}.`,
      1,
    );
  }
  if (current.id !== target.id && !flags.move) {
    throw new CliError(
      `User ${existing.login} belongs to ${where}, and --org ${target.code} would move them to ${target.name}; nothing was changed. Add --move to move them (their sessions end), or give --org ${current.code}.`,
      1,
    );
  }
}

function changeVerb(existing: User | null, organization: Organization): string {
  if (!existing) return 'Created';
  if (existing.organizationId !== organization.id) return 'Moved';

  return 'Updated';
}

function emptyToNull(value: string): string | null {
  return value === '' ? null : value;
}

async function printUsers(config: Config): Promise<number> {
  const ctx = await openAppContext(config);
  try {
    const users = await listUsers(ctx.db);
    if (users.length === 0) {
      process.stdout.write('No users yet: add one with congvan users add, or load the demo with congvan demo.\n');
      return 0;
    }
    for (const user of users) {
      process.stdout.write(`${user.login.padEnd(24)} ${user.organizationCode.padEnd(16)} ${user.roles.join(',').padEnd(14)} ${user.disabled ? '(disabled) ' : ''}${user.fullName}\n`);
    }
    return 0;
  } finally {
    await ctx.close();
  }
}

async function changePassword(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { login: { type: 'string' } } });
  if (!values.login) throw new CliError('users passwd needs --login; the new password comes from standard input.', 2);

  const password = await readValidPassword();
  const ctx = await openAppContext(config);
  try {
    const changed = await setPasswordHash(ctx.db, values.login.trim().toLowerCase(), await hashPassword(password), ctx.clock.now().toISOString());
    if (!changed) throw new CliError(`User ${values.login} not found; list users with congvan users list.`, 1);
    process.stdout.write(`Password changed for ${values.login}.\n`);
    return 0;
  } finally {
    await ctx.close();
  }
}

function parseRoles(text: string): Role[] {
  const roles = text.split(/[,;]/).map((role) => role.trim()).filter(Boolean);
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new CliError(`Invalid --roles "${text}": use one or more of ${ROLES.join(', ')}, separated by commas.`, 2);
  }
  return roles as Role[];
}

async function readValidPassword(): Promise<string> {
  const password = await readPasswordFromStdin();
  assertValidPassword(password);
  return password;
}

function assertValidPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new CliError(`The password read from standard input is shorter than ${MIN_PASSWORD_LENGTH} characters.`, 2);
  }
}
