import type { User } from '../directory/user-repository.js';
import { AppError } from '../platform/errors.js';
import type { Role } from '../directory/roles.js';

// Content belongs to the organizations that sent or received it. Administrators
// manage the directory and read no content; monitors see exchange metadata across organizations.
const CONTENT_ROLES: Role[] = ['clerk', 'staff', 'leader'];
const HANDLING_ROLES: Role[] = ['clerk', 'leader'];
const CORRECTING_ROLES: Role[] = ['clerk'];

export function canReadContent(user: User): boolean {
  return user.roles.some((role) => CONTENT_ROLES.includes(role));
}

export function assertCanReadContent(user: User): void {
  if (!canReadContent(user)) {
    throw new AppError(
      'forbidden',
      'Vai trò của bạn không được xem nội dung văn bản.',
      'Your roles do not allow reading document content.',
    );
  }
}

/** Accepting or rejecting an incoming document is the clerk's or a leader's decision. */
export function assertCanHandle(user: User): void {
  if (!user.roles.some((role) => HANDLING_ROLES.includes(role))) {
    throw new AppError(
      'forbidden',
      'Chỉ văn thư hoặc lãnh đạo được tiếp nhận hay từ chối văn bản.',
      'Only a clerk or a leader may accept or reject a document.',
    );
  }
}

export function assertCanCorrect(user: User): void {
  if (!user.roles.some((role) => CORRECTING_ROLES.includes(role))) {
    throw new AppError('forbidden', 'Chỉ văn thư được sửa thông tin văn bản.', 'Only a clerk may correct document metadata.');
  }
}

export function isMonitor(user: User): boolean {
  return user.roles.includes('monitor');
}
