import type { AppContext } from '../platform/app-context.js';
import { AppError } from '../platform/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { findUserByLogin, type User } from './user-repository.js';

// Verifying against a real hash when the login is unknown keeps both responses equally slow,
// so response time does not tell which logins exist.
let decoyHash: Promise<string> | null = null;

// Wrong passwords allowed per login within the window before logins are refused for a while.
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export async function authenticate(ctx: AppContext, login: string, password: string, remoteAddress: string | null = null): Promise<User> {
  const normalizedLogin = login.trim().toLowerCase();
  await assertNotThrottled(ctx, normalizedLogin);

  const user = await findUserByLogin(ctx.db, normalizedLogin);

  if (!user || user.disabled) {
    decoyHash ??= hashPassword('decoy password that matches nothing');
    await verifyPassword(await decoyHash, password);
    await recordFailure(ctx, normalizedLogin, remoteAddress);
    throw invalidCredentials();
  }

  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailure(ctx, normalizedLogin, remoteAddress);
    throw invalidCredentials();
  }

  await ctx.db.deleteFrom('login_failures').where('login', '=', normalizedLogin).execute();

  const { passwordHash: _hash, ...visible } = user;
  return visible;
}

// Kept in the database, not in memory, so that every node counts the same failures.
async function assertNotThrottled(ctx: AppContext, login: string): Promise<void> {
  const since = new Date(ctx.clock.now().getTime() - FAILURE_WINDOW_MS).toISOString();
  const { failures } = await ctx.db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('failures'))
    .where('login', '=', login)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();

  if (Number(failures) >= MAX_FAILURES) {
    throw new AppError(
      'rate-limited',
      `Đăng nhập sai quá ${MAX_FAILURES} lần; hãy thử lại sau ${FAILURE_WINDOW_MS / 60_000} phút hoặc nhờ quản trị viên đặt lại mật khẩu.`,
      `More than ${MAX_FAILURES} failed logins; try again in ${FAILURE_WINDOW_MS / 60_000} minutes or ask an administrator to reset the password.`,
    );
  }
}

async function recordFailure(ctx: AppContext, login: string, remoteAddress: string | null): Promise<void> {
  await ctx.db.insertInto('login_failures').values({ login, remote_address: remoteAddress, at: ctx.clock.now().toISOString() }).execute();
}

function invalidCredentials(): AppError {
  return new AppError(
    'invalid-credentials',
    'Tên đăng nhập hoặc mật khẩu không đúng.',
    'The login or the password is wrong.',
  );
}

/** Deletes failed logins older than the throttling window, which no longer count. */
export async function removeOldLoginFailures(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - FAILURE_WINDOW_MS).toISOString();
  const result = await ctx.db.deleteFrom('login_failures').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
