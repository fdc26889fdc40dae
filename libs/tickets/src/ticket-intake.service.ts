import { Injectable } from '@nestjs/common';
import { type Actor, DomainError } from '@app/common';
import { type Contact, ContactsService, type ContactKind, type IdentityInput } from '@app/contacts';
import type { Ticket } from './ticket.entity.js';
import { TicketsService, type OpenTicketInput } from './tickets.service.js';

export interface ContactDetails {
  name: string;
  phone?: string;
  email?: string;
  nationalId?: string;
  kind?: ContactKind;
}

/** Officers log calls, letters and visits: the person is found by phone, e-mail or national ID, or added. */
@Injectable()
export class TicketIntakeService {
  constructor(
    private readonly contacts: ContactsService,
    private readonly tickets: TicketsService,
  ) {}

  async resolveContact(details: ContactDetails, actor: Actor): Promise<Contact> {
    const identities: IdentityInput[] = [];
    if (details.phone) identities.push(this.contacts.identity({ kind: 'phone', address: details.phone }));
    if (details.email) identities.push(this.contacts.identity({ kind: 'email', address: details.email }));
    for (const identity of identities) {
      const found = await this.contacts.findByIdentity(identity);
      if (found) return found;
    }
    if (details.nationalId) {
      const found = await this.contacts.findByNationalId(details.nationalId);
      if (found) return found;
    }
    return this.contacts.create({ name: details.name, kind: details.kind, nationalId: details.nationalId, identities }, actor);
  }

  async openForOfficer(input: Omit<OpenTicketInput, 'contactId'> & { contactId?: string; contact?: ContactDetails }, actor: Actor): Promise<Ticket> {
    const { contact: details, contactId, ...rest } = input;
    let id = contactId;
    if (!id) {
      if (!details) throw new DomainError('invalid_input', 'contactId or contact must be given');
      id = (await this.resolveContact(details, actor)).id;
    }
    return this.tickets.open({ ...rest, contactId: id, createdById: actor.id }, actor);
  }
}
