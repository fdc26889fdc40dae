import { AUDIT_ENTITIES } from '@app/audit';
import { CHANNELS_ENTITIES } from '@app/channels';
import { CONTACTS_ENTITIES } from '@app/contacts';
import { HELP_REQUESTS_ENTITIES } from '@app/help-requests';
import { NOTIFICATIONS_ENTITIES } from '@app/notifications';
import { SURVEYS_ENTITIES } from '@app/surveys';
import { TICKETS_ENTITIES } from '@app/tickets';
import { USERS_ENTITIES } from '@app/users';
import { WORKFLOW_ENTITIES } from '@app/workflow';

/** Every entity of the product. The schema check compares these with the migrations. */
export const ALL_ENTITIES = [
  ...USERS_ENTITIES,
  ...AUDIT_ENTITIES,
  ...CONTACTS_ENTITIES,
  ...TICKETS_ENTITIES,
  ...CHANNELS_ENTITIES,
  ...SURVEYS_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...WORKFLOW_ENTITIES,
  ...HELP_REQUESTS_ENTITIES,
];
