import { apiRequest } from './client';
import type { DirectoryOrganization, Group, GroupEdit } from './group-types';

function groupPath(code: string): string {
  return `/groups/${encodeURIComponent(code)}`;
}

/** Fetches every recipient group with its members, sorted by code. */
export async function fetchGroups(signal?: AbortSignal): Promise<Group[]> {
  const body = await apiRequest<{ groups: Group[] }>('/groups', { signal });

  return body.groups;
}

export function fetchGroup(code: string, signal?: AbortSignal): Promise<Group> {
  return apiRequest<Group>(groupPath(code), { signal });
}

/** Creates a group, which only administrators may do. */
export function createGroup(code: string, edit: GroupEdit): Promise<Group> {
  return apiRequest<Group>('/groups', { method: 'POST', body: { code, ...edit } });
}

/** Replaces a group's name and members. The server rejects the change with 409 when the group changed after `version`. */
export function changeGroup(code: string, version: number, edit: GroupEdit): Promise<Group> {
  return apiRequest<Group>(groupPath(code), { method: 'PUT', body: { ...edit, version } });
}

export function deleteGroup(code: string): Promise<void> {
  return apiRequest<void>(groupPath(code), { method: 'DELETE' });
}

/** Fetches every organization of the directory, the choices of group members. */
export async function fetchOrganizations(signal?: AbortSignal): Promise<DirectoryOrganization[]> {
  const body = await apiRequest<{ organizations: DirectoryOrganization[] }>('/organizations', { signal });

  return body.organizations;
}
