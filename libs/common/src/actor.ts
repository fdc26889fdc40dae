/** Who is making a change, for the audit log: a staff member, or null for the system itself. */
export interface Actor {
  id: string | null;
  ip?: string | null;
}
