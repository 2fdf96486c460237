import type { AppContext } from '../platform/app-context.js';
import { AppError } from '../platform/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { findUserByLogin, type User } from './user-repository.js';

// Verifying against a real hash when the login is unknown keeps both answers equally slow,
// so response time does not tell which logins exist.
let decoyHash: Promise<string> | null = null;

export async function authenticate(ctx: AppContext, login: string, password: string): Promise<User> {
  const user = await findUserByLogin(ctx.db, login.trim().toLowerCase());

  if (!user || user.disabled) {
    decoyHash ??= hashPassword('decoy password that matches nothing');
    await verifyPassword(await decoyHash, password);
    throw invalidCredentials();
  }

  if (!(await verifyPassword(user.passwordHash, password))) {
    throw invalidCredentials();
  }

  const { passwordHash: _hash, ...visible } = user;
  return visible;
}

function invalidCredentials(): AppError {
  return new AppError(
    'invalid-credentials',
    'Tên đăng nhập hoặc mật khẩu không đúng.',
    'The login or the password is wrong.',
  );
}
