import type { Role } from '../../../../src/server/api-types';

/**
 * Who sees the review page: mirrors `entity.resolve` in GLOBAL_PERMISSIONS
 * (src/domain/policy.ts) only to hide a link a person could not use; the server decides.
 */
export const REVIEW_ROLES: readonly Role[] = ['investigator', 'analyst'];
