import type { Role, User } from '../api/types';

// The server enforces the same rules; these only hide buttons that the server would reject with 403.
const contentRoles: Role[] = ['clerk', 'staff', 'leader'];
const handlingRoles: Role[] = ['clerk', 'leader'];
const correctingRoles: Role[] = ['clerk'];

/** Tells whether the user may open documents; administrators and monitors see only exchange metadata. */
export function canReadContent(user: User): boolean {
  return user.roles.some((role) => contentRoles.includes(role));
}

/** Tells whether the user may accept or reject an incoming document (a clerk or a leader). */
export function canHandleDocuments(user: User): boolean {
  return user.roles.some((role) => handlingRoles.includes(role));
}

/** Tells whether the user may send, recall and resend documents of their organization (a clerk or a leader). */
export function canSendDocuments(user: User): boolean {
  return user.roles.some((role) => handlingRoles.includes(role));
}

/** Tells whether the user may correct recognised metadata (a clerk). */
export function canCorrectMetadata(user: User): boolean {
  return user.roles.some((role) => correctingRoles.includes(role));
}

/** Tells whether the user may list the messages that need attention, as readers of content and monitors may. */
export function canSeeFlagged(user: User): boolean {
  return canReadContent(user) || user.roles.includes('monitor');
}

/** Tells whether the user administers the directory, which is done with the command line. */
export function isAdministrator(user: User): boolean {
  return user.roles.includes('admin');
}
