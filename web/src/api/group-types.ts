/** A recipient group as GET /api/v1/groups returns it. */
export interface Group {
  code: string;
  name: string;
  /** Raised by every change; an edit sends the version it started from. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  memberCount: number;
  members: { code: string; name: string }[];
}

/** The name and members of a group as an administrator saves them; members are organization codes. */
export interface GroupEdit {
  name: string;
  members: string[];
}

/** An organization of the directory, as a choice of group member. */
export interface DirectoryOrganization {
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
}
