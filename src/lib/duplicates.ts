/** Why an existing customer looks like the one being saved. */
export type DuplicateReason = 'taxIdBranch' | 'taxId' | 'phone' | 'name';

/**
 * Existing customers that look like the one being saved. Those the user may see come with their
 * name and id (for a link); the rest only as a count per reason, never with a name.
 */
export type DuplicateReport = {
  seen: { id: string; name: string; reasons: DuplicateReason[] }[];
  unseen: { reason: DuplicateReason; count: number }[];
};
