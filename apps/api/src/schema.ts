import { AUDIT_ENTITIES } from '@app/audit';
import { CHANNELS_ENTITIES } from '@app/channels';
import { CONTACTS_ENTITIES } from '@app/contacts';
import { TICKETS_ENTITIES } from '@app/tickets';
import { USERS_ENTITIES } from '@app/users';

/** Every entity of the product. The schema check compares these with the migrations. */
export const ALL_ENTITIES = [...USERS_ENTITIES, ...AUDIT_ENTITIES, ...CONTACTS_ENTITIES, ...TICKETS_ENTITIES, ...CHANNELS_ENTITIES];
