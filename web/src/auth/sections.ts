import type { User } from '../api/types';
import { canReadContent, canSeeFlagged, canSendDocuments, isAdministrator } from './permissions';

export type Section = 'inbox' | 'register' | 'outbox' | 'outgoingRegister' | 'compose' | 'flagged' | 'admin';

interface SectionRule {
  /** Path of the section's start page; the menu links to it. */
  path: string;
  /** Paths that belong to the section, such as a document page under the inbox. */
  prefixes: string[];
  allows: (user: User) => boolean;
}

// In menu order. The first section a user may open is their start page.
const sectionRules: Record<Section, SectionRule> = {
  inbox: { path: '/inbox', prefixes: ['/inbox', '/documents'], allows: canReadContent },
  register: { path: '/register', prefixes: ['/register'], allows: canReadContent },
  // Staff may follow what their organization sent, but only clerks and leaders send.
  outbox: { path: '/dispatches', prefixes: ['/dispatches'], allows: canReadContent },
  outgoingRegister: { path: '/outgoing-register', prefixes: ['/outgoing-register'], allows: canReadContent },
  // Drafts open under /compose/:draftId.
  compose: { path: '/compose', prefixes: ['/compose'], allows: canSendDocuments },
  flagged: { path: '/flagged', prefixes: ['/flagged'], allows: canSeeFlagged },
  admin: { path: '/admin', prefixes: ['/admin'], allows: isAdministrator },
};

const sectionOrder: Section[] = ['inbox', 'register', 'outbox', 'outgoingRegister', 'compose', 'flagged', 'admin'];

export function sectionPath(section: Section): string {
  return sectionRules[section].path;
}

/** Lists the sections the user's roles allow, in menu order. */
export function sectionsFor(user: User): Section[] {
  return sectionOrder.filter((section) => sectionRules[section].allows(user));
}

export function canOpenSection(user: User, section: Section): boolean {
  return sectionRules[section].allows(user);
}

/** Finds the section a path belongs to; null for paths outside every section. */
export function sectionOfPath(pathname: string): Section | null {
  const found = sectionOrder.find((section) =>
    sectionRules[section].prefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`)),
  );

  return found ?? null;
}

/**
 * Returns the start page of the user: the inbox for clerks, staff and leaders, "Cần xử lý" for monitors
 * and the administration page for administrators. A user without roles gets the inbox, which then
 * shows that their roles do not allow it.
 */
export function homePath(user: User): string {
  const first = sectionsFor(user)[0];

  return first ? sectionPath(first) : sectionPath('inbox');
}

/** Tells whether the user may open a path; paths outside every section (such as a 404) are open to all. */
export function canOpenPath(user: User, pathname: string): boolean {
  const section = sectionOfPath(pathname);

  return section === null || canOpenSection(user, section);
}
