import { AUDIT_ENTITIES } from '@app/audit';
import { USERS_ENTITIES } from '@app/users';

/** Every entity of the product. The schema check compares these with the migrations. */
export const ALL_ENTITIES = [...USERS_ENTITIES, ...AUDIT_ENTITIES];
