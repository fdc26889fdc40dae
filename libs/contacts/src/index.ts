export { Contact } from './contact.entity.js';
export { ContactIdentity } from './contact-identity.entity.js';
export { ContactsModule } from './contacts.module.js';
export { ContactsService, type ContactInput, type IdentityInput } from './contacts.service.js';
export { normalizeIdentityAddress } from './identity-address.js';
export { CONTACT_KINDS, IDENTITY_KINDS, CHANNELS, type ContactKind, type IdentityKind, type Channel } from './contact-kinds.js';

import { ContactIdentity } from './contact-identity.entity.js';
import { Contact } from './contact.entity.js';
export const CONTACTS_ENTITIES = [Contact, ContactIdentity];
