import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openAppContext } from '../platform/app-context.js';
import { getOrganizationByCode } from '../directory/organization-repository.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../directory/passwords.js';
import { isRole, ROLES, type Role } from '../directory/roles.js';
import { listUsers, setPasswordHash, upsertUser } from '../directory/user-repository.js';
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

async function addUser(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { login: { type: 'string' }, name: { type: 'string' }, org: { type: 'string' }, roles: { type: 'string' }, email: { type: 'string' } },
  });
  if (!values.login || !values.name || !values.org || !values.roles) {
    throw new CliError('users add needs --login, --name, --org and --roles; the password comes from standard input.', 2);
  }

  const login = values.login.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(login)) {
    throw new CliError(`Invalid --login "${values.login}": use 3 to 64 characters a-z, 0-9, dot, underscore or hyphen.`, 2);
  }
  const roles = parseRoles(values.roles);
  const password = await readValidPassword();

  const ctx = await openAppContext(config);
  try {
    const organization = await getOrganizationByCode(ctx.db, values.org);
    if (!organization) throw new CliError(`Organization ${values.org} not found: import it first (congvan directory import) or check the code.`, 1);

    const result = await upsertUser(
      ctx.db,
      { login, fullName: values.name.normalize('NFC'), email: values.email ?? null, organizationId: organization.id, roles },
      await hashPassword(password),
      ctx.clock.now().toISOString(),
    );
    process.stdout.write(`${result.created ? 'Created' : 'Updated'} user ${login} (${roles.join(', ')}) at ${organization.code} ${organization.name}.\n`);
    return 0;
  } finally {
    await ctx.close();
  }
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
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new CliError(`The password read from standard input is shorter than ${MIN_PASSWORD_LENGTH} characters.`, 2);
  }
  return password;
}
