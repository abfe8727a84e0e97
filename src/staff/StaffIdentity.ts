/** Where a staff member acted: the web console, the Teams staff channel, or the API with the automation token. */
export type StaffVia = 'console' | 'teams' | 'api';

/** A staff member as the helpdesk records them (ticket claims, replies, the audit). */
export interface StaffIdentity {
  /**
   * Stable and comparable across the console and Teams: `aad:<object id>` for a Microsoft Entra
   * user (the console's `oid` claim and Teams' `aadObjectId` are the same id), `oidc:<issuer>|<sub>`
   * for another identity provider, `token` for the shared automation token.
   */
  key: string;
  /** Display name shown to colleagues ("claimed by …"). */
  name: string;
  email?: string;
  /** The Teams user's Microsoft Entra object id, when they acted in Teams. */
  teamsId?: string;
  via: StaffVia;
}

/** Whoever holds the automation token: one shared, unnamed identity. */
export function tokenHolder(via: StaffVia): StaffIdentity {
  return { key: 'token', name: 'Staff token', via };
}
