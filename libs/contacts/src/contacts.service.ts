import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull, Repository } from 'typeorm';
import { type AuditRecord, AuditService } from '@app/audit';
import { entityFromRow, type Row } from '@app/database';
import {
  type Actor,
  AUTH_SECRET,
  containsPattern,
  DomainError,
  NationalIdCipher,
  decodeCursor,
  encodeCursor,
  normalizeSearchText,
  validateNationalId,
  maskNationalId,
} from '@app/common';
import type { Channel, ContactKind, IdentityKind } from './contact-kinds.js';
import { ContactIdentity } from './contact-identity.entity.js';
import { Contact } from './contact.entity.js';
import { normalizeIdentityAddress } from './identity-address.js';

export interface IdentityInput {
  kind: IdentityKind;
  address: string;
}

export interface ContactInput {
  name: string;
  kind?: ContactKind;
  membershipNumber?: string | null;
  preferredLanguage?: 'ar' | 'en';
  preferredChannel?: Channel | null;
  consentToContact?: boolean;
  surveyOptOut?: boolean;
  notes?: string | null;
  nationalId?: string | null;
  identities?: IdentityInput[];
}

/** Postgres unique_violation. */
const UNIQUE_VIOLATION = '23505';

@Injectable()
export class ContactsService {
  private readonly cipher: NationalIdCipher;

  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(AUTH_SECRET) secret: string,
  ) {
    this.cipher = new NationalIdCipher(secret);
  }

  /** Normalises an identity or throws a 400 naming it. */
  identity(input: IdentityInput): IdentityInput {
    const address = normalizeIdentityAddress(input.kind, input.address);
    if (!address) throw new DomainError('invalid_input', `${input.kind} address "${input.address}" is not valid`);
    return { kind: input.kind, address };
  }

  async get(id: string): Promise<Contact> {
    const contact = await this.contacts.findOne({ where: { id }, relations: { identities: true } });
    if (!contact) throw DomainError.notFound('Contact', id);
    return contact;
  }

  /** The contact reachable at this address, or null. Identities always point at the surviving contact of a merge. */
  async findByIdentity(input: IdentityInput, manager?: EntityManager): Promise<Contact | null> {
    const { kind, address } = this.identity(input);
    // Plain SQL: every inbound message asks this.
    const m = manager ?? this.dataSource.manager;
    const rows: Row[] = await m.query(
      'SELECT c.* FROM contact_identities i JOIN contacts c ON c.id = i.contact_id WHERE i.kind = $1 AND i.address = $2',
      [kind, address],
    );
    return rows.length ? entityFromRow(m, Contact, rows[0]) : null;
  }

  /**
   * The one way every channel finds who wrote: the contact with this identity, created when new.
   * Safe under concurrency: two first messages from one number end on one contact. With `manager`
   * it runs inside the caller's transaction, which then holds a lock on the address until it commits;
   * with `audit` too, the creation's audit entry is added to it for the caller to write with the
   * transaction's other entries, in one insert.
   */
  async findOrCreateByIdentity(
    input: IdentityInput,
    defaults: { name?: string; preferredLanguage?: 'ar' | 'en' } = {},
    manager?: EntityManager,
    audit?: AuditRecord[],
  ): Promise<{ contact: Contact; created: boolean }> {
    const identity = this.identity(input);
    const existing = await this.findByIdentity(identity, manager);
    if (existing) return { contact: existing, created: false };
    if (manager) {
      // One creation per address at a time; the insert checks again once the lock is held.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`contact-identity:${identity.kind}:${identity.address}`]);
      const contact = await this.insertWithIdentity(manager, identity, defaults, audit);
      return contact ? { contact, created: true } : { contact: await this.winner(identity, manager), created: false };
    }
    try {
      const contact = await this.dataSource.transaction((m) => this.insertWithIdentity(m, identity, defaults));
      return contact ? { contact, created: true } : { contact: await this.winner(identity), created: false };
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      return { contact: await this.winner(identity), created: false };
    }
  }

  /** The contact another writer created for this address first. */
  private async winner(identity: IdentityInput, manager?: EntityManager): Promise<Contact> {
    const winner = await this.findByIdentity(identity, manager);
    if (!winner) throw new Error(`${identity.kind} ${identity.address} has no contact after a concurrent creation`);
    return winner;
  }

  /**
   * Creates the contact with its identity in one statement, unless the address has a contact by
   * now (null then: another writer created it first).
   */
  private async insertWithIdentity(
    manager: EntityManager,
    identity: IdentityInput,
    defaults: { name?: string; preferredLanguage?: 'ar' | 'en' },
    audit?: AuditRecord[],
  ): Promise<Contact | null> {
    const name = defaults.name?.trim() || identity.address;
    const preferredLanguage = defaults.preferredLanguage ?? 'ar';
    const searchText = contactSearchText(name, null, [identity]);
    const rows: Row[] = await manager.query(
      `WITH created AS (
         INSERT INTO contacts (name, kind, preferred_language, search_text)
         SELECT $3, 'public', $4, $5 WHERE NOT EXISTS (SELECT 1 FROM contact_identities WHERE kind = $1 AND address = $2)
         RETURNING *
       ), identity AS (
         INSERT INTO contact_identities (contact_id, kind, address) SELECT id, $1, $2 FROM created
       )
       SELECT * FROM created`,
      [identity.kind, identity.address, name, preferredLanguage, searchText],
    );
    if (!rows.length) return null;
    const contact = entityFromRow(manager, Contact, rows[0]);
    const entry: AuditRecord = {
      actorId: null,
      action: 'contact.created',
      entityType: 'contact',
      entityId: contact.id,
      after: { name: contact.name, identity },
    };
    if (audit) audit.push(entry);
    else await this.audit.record(entry, manager);
    return contact;
  }

  async create(input: ContactInput, actor: Actor): Promise<Contact> {
    const identities = (input.identities ?? []).map((i) => this.identity(i));
    for (const i of identities) {
      const owner = await this.findByIdentity(i);
      if (owner) throw new DomainError('conflict', `${i.kind} ${i.address} already belongs to contact ${owner.id}`, { contactId: owner.id });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const contact = manager.getRepository(Contact).create({
        name: input.name.trim(),
        kind: input.kind ?? 'public',
        membershipNumber: input.membershipNumber?.trim() || null,
        preferredLanguage: input.preferredLanguage ?? 'ar',
        preferredChannel: input.preferredChannel ?? null,
        consentToContact: input.consentToContact ?? false,
        surveyOptOut: input.surveyOptOut ?? false,
        notes: input.notes ?? null,
        searchText: '',
        ...this.nationalIdColumns(input.nationalId),
      });
      const saved = await this.saveUnique(manager, contact);
      if (identities.length) await manager.getRepository(ContactIdentity).insert(identities.map((i) => ({ ...i, contactId: saved.id })));
      await this.refreshSearchText(saved.id, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'contact.created',
          entityType: 'contact',
          entityId: saved.id,
          after: this.auditView(saved, identities),
          ip: actor.ip,
        },
        manager,
      );
      return saved.id;
    });
    return this.get(id);
  }

  async update(id: string, input: Partial<Omit<ContactInput, 'identities'>>, actor: Actor): Promise<Contact> {
    const existing = await this.get(id);
    if (existing.mergedIntoId)
      throw new DomainError('conflict', `contact ${id} was merged into ${existing.mergedIntoId}; change that contact instead`);
    const before = this.auditView(existing, existing.identities ?? []);
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Contact);
      const next: Contact = repo.merge(repo.create(existing), {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.membershipNumber !== undefined ? { membershipNumber: input.membershipNumber?.trim() || null } : {}),
        ...(input.preferredLanguage !== undefined ? { preferredLanguage: input.preferredLanguage } : {}),
        ...(input.preferredChannel !== undefined ? { preferredChannel: input.preferredChannel } : {}),
        ...(input.consentToContact !== undefined ? { consentToContact: input.consentToContact } : {}),
        ...(input.surveyOptOut !== undefined ? { surveyOptOut: input.surveyOptOut } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        ...(input.nationalId !== undefined ? this.nationalIdColumns(input.nationalId) : {}),
      });
      delete next.identities;
      await this.saveUnique(manager, next);
      await this.refreshSearchText(id, manager);
      const after = this.auditView(next, existing.identities ?? []);
      await this.audit.record(
        { actorId: actor.id, action: 'contact.updated', entityType: 'contact', entityId: id, before, after, ip: actor.ip },
        manager,
      );
    });
    return this.get(id);
  }

  async addIdentity(contactId: string, input: IdentityInput, actor: Actor): Promise<Contact> {
    const identity = this.identity(input);
    const contact = await this.get(contactId);
    const owner = await this.findByIdentity(identity);
    if (owner && owner.id !== contactId) {
      throw new DomainError('conflict', `${identity.kind} ${identity.address} already belongs to another contact; merge the two contacts instead`, {
        contactId: owner.id,
      });
    }
    if (!owner) {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(ContactIdentity).insert({ contactId, ...identity });
        await this.refreshSearchText(contactId, manager);
        await this.audit.record(
          { actorId: actor.id, action: 'contact.identity_added', entityType: 'contact', entityId: contact.id, after: { identity }, ip: actor.ip },
          manager,
        );
      });
    }
    return this.get(contactId);
  }

  /** Looks a contact up by national ID (exact, through the keyed hash). */
  async findByNationalId(nationalId: string): Promise<Contact | null> {
    const valid = validateNationalId(nationalId);
    if (!valid.valid) return null;
    return this.contacts.findOne({
      where: { nationalIdHash: this.cipher.lookupHash(valid.value), mergedIntoId: IsNull() },
      relations: { identities: true },
    });
  }

  /** The full national ID, for the staff who need it; every reveal is audited. */
  async revealNationalId(id: string, actor: Actor): Promise<string | null> {
    const contact = await this.get(id);
    if (!contact.nationalIdEncrypted) return null;
    await this.audit.record({ actorId: actor.id, action: 'contact.national_id_viewed', entityType: 'contact', entityId: id, ip: actor.ip });
    return this.cipher.decrypt(contact.nationalIdEncrypted);
  }

  /** Arabic-aware search over names, phone numbers and e-mails; merged contacts are left out. */
  async search(query: { q?: string; kind?: ContactKind; limit: number; cursor?: string }): Promise<{ items: Contact[]; nextCursor: string | null }> {
    const qb = this.contacts
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.identities', 'i')
      .where('c.merged_into_id IS NULL')
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.q) {
      const needle = normalizeSearchText(query.q);
      const phone = normalizeIdentityAddress('phone', query.q);
      qb.andWhere(
        `(c.search_text LIKE :like${phone ? " OR c.id IN (SELECT contact_id FROM contact_identities WHERE kind = 'phone' AND address = :phone)" : ''})`,
        { like: containsPattern(needle), phone },
      );
    }
    if (query.cursor) {
      const c = decodeCursor(query.cursor, ['name', 'id'] as const);
      qb.andWhere('(c.name, c.id) > (:cname, :cid::uuid)', { cname: c.name, cid: c.id });
    }
    const ids = await qb
      .clone()
      .select(['c.id', 'c.name'])
      .take(query.limit + 1)
      .getMany();
    const page = ids.slice(0, query.limit).map((r) => r.id);
    const items = page.length ? await qb.andWhere('c.id IN (:...page)', { page }).getMany() : [];
    const last = items[items.length - 1];
    return { items, nextCursor: ids.length > query.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null };
  }

  /**
   * Merges `sourceId` into `targetId`: identities and tickets move to the target; the source stays
   * as a record pointing at the target, so nothing is lost. Conflicting membership numbers or
   * national IDs stop the merge.
   */
  async merge(
    targetId: string,
    sourceId: string,
    actor: Actor,
    moveTickets: (manager: EntityManager, from: string, to: string) => Promise<number>,
  ): Promise<Contact> {
    if (targetId === sourceId) throw new DomainError('invalid_input', 'sourceContactId must be a different contact');
    const [target, source] = await Promise.all([this.get(targetId), this.get(sourceId)]);
    for (const c of [target, source]) {
      if (c.mergedIntoId) throw new DomainError('conflict', `contact ${c.id} was already merged into ${c.mergedIntoId}`);
    }
    if (target.membershipNumber && source.membershipNumber && target.membershipNumber !== source.membershipNumber) {
      throw new DomainError('conflict', 'the two contacts have different membership numbers; correct one of them first');
    }
    if (target.nationalIdHash && source.nationalIdHash && target.nationalIdHash !== source.nationalIdHash) {
      throw new DomainError('conflict', 'the two contacts have different national IDs; correct one of them first');
    }
    await this.dataSource.transaction(async (manager) => {
      const identities = await manager.getRepository(ContactIdentity).find({ where: { contactId: sourceId } });
      await manager.getRepository(ContactIdentity).update({ contactId: sourceId }, { contactId: targetId });
      const ticketsMoved = await moveTickets(manager, sourceId, targetId);
      const repo = manager.getRepository(Contact);
      const fill: Partial<Contact> = {};
      if (!target.membershipNumber && source.membershipNumber) fill.membershipNumber = source.membershipNumber;
      if (!target.nationalIdHash && source.nationalIdHash) {
        fill.nationalIdHash = source.nationalIdHash;
        fill.nationalIdEncrypted = source.nationalIdEncrypted;
        fill.nationalIdMasked = source.nationalIdMasked;
      }
      if (target.kind === 'public' && source.kind !== 'public') fill.kind = source.kind;
      // Unique columns move in two steps so the partial unique indexes never see two owners.
      await repo.update(sourceId, { mergedIntoId: targetId, membershipNumber: null, nationalIdHash: null });
      if (Object.keys(fill).length) await repo.update(targetId, fill);
      await this.refreshSearchText(targetId, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'contact.merged',
          entityType: 'contact',
          entityId: targetId,
          before: { target: this.auditView(target, target.identities ?? []), source: this.auditView(source, source.identities ?? []) },
          after: { sourceContactId: sourceId, identitiesMoved: identities.map((i) => ({ kind: i.kind, address: i.address })), ticketsMoved },
          ip: actor.ip,
        },
        manager,
      );
    });
    return this.get(targetId);
  }

  private nationalIdColumns(raw: string | null | undefined): Pick<Contact, 'nationalIdEncrypted' | 'nationalIdHash' | 'nationalIdMasked'> {
    if (!raw) return { nationalIdEncrypted: null, nationalIdHash: null, nationalIdMasked: null };
    const valid = validateNationalId(raw);
    if (!valid.valid) {
      const why = { format: 'must be 10 digits', prefix: 'must start with 1 (citizen) or 2 (resident)', check_digit: 'has a wrong check digit' }[
        valid.reason
      ];
      throw new DomainError('invalid_input', `nationalId ${why}`);
    }
    return {
      nationalIdEncrypted: this.cipher.encrypt(valid.value),
      nationalIdHash: this.cipher.lookupHash(valid.value),
      nationalIdMasked: maskNationalId(valid.value),
    };
  }

  private async saveUnique(manager: EntityManager, contact: Contact): Promise<Contact> {
    try {
      return await manager.getRepository(Contact).save(contact);
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      const detail = String((error as { constraint?: string }).constraint ?? '');
      if (detail.includes('national_id')) throw new DomainError('conflict', 'another contact already has this national ID');
      if (detail.includes('membership')) throw new DomainError('conflict', 'another contact already has this membership number');
      throw error;
    }
  }

  /** Rebuilds the normalised search text from the name and every identity. */
  async refreshSearchText(contactId: string, manager?: EntityManager): Promise<void> {
    const m = manager ?? this.dataSource.manager;
    const contact = await m.getRepository(Contact).findOneByOrFail({ id: contactId });
    const identities = await m.getRepository(ContactIdentity).find({ where: { contactId } });
    await m.getRepository(Contact).update(contactId, { searchText: contactSearchText(contact.name, contact.membershipNumber, identities) });
  }

  async countByIds(ids: string[]): Promise<number> {
    return ids.length ? this.contacts.countBy({ id: In(ids) }) : 0;
  }

  private auditView(c: Contact, identities: IdentityInput[]): Record<string, unknown> {
    return {
      name: c.name,
      kind: c.kind,
      membershipNumber: c.membershipNumber,
      preferredLanguage: c.preferredLanguage,
      preferredChannel: c.preferredChannel,
      consentToContact: c.consentToContact,
      surveyOptOut: c.surveyOptOut,
      nationalId: c.nationalIdMasked,
      identities: identities.map((i) => ({ kind: i.kind, address: i.address })),
    };
  }
}

/** What the contact search matches: name, membership number and every address (a Saudi mobile also as 05…). */
function contactSearchText(name: string, membershipNumber: string | null, identities: IdentityInput[]): string {
  const addresses = identities.flatMap((i) => (i.kind === 'phone' ? [i.address, `0${i.address.slice(4)}`] : [i.address]));
  return normalizeSearchText([name, membershipNumber ?? '', ...addresses].join(' '));
}
