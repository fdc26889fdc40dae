import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import type { Actor } from '@app/common';
import { ContactsService } from '@app/contacts';
import type { HouseholdMemberRecord } from '../intake/household.js';
import { HelpRequest } from '../intake/help-request.entity.js';
import type { HelpRequestState } from '../intake/help-request-state.service.js';
import { BeneficiaryFile } from './beneficiary-file.entity.js';

/** BF-000123: the file number people quote. */
export function formatFileNumber(sequence: number): string {
  return `BF-${String(sequence).padStart(6, '0')}`;
}

/**
 * Registration: once an intake is complete the applicant becomes a registered beneficiary — the
 * contact's kind becomes `beneficiary` and they get a file with a number and their household —
 * so later requests start from the file.
 */
@Injectable()
export class BeneficiaryFilesService {
  private readonly logger = new Logger(BeneficiaryFilesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contacts: ContactsService,
    private readonly audit: AuditService,
  ) {}

  findByContact(contactId: string): Promise<BeneficiaryFile | null> {
    return this.dataSource.getRepository(BeneficiaryFile).findOneBy({ contactId });
  }

  /** Registers the applicant when their intake is complete; later complete intakes bring the household on the file up to date. */
  async registerIfComplete(state: HelpRequestState, actor: Actor): Promise<BeneficiaryFile | null> {
    if (!state.checklist.complete) return null;
    const { request, contact } = state;
    const existing = await this.findByContact(contact.id);
    if (existing) {
      await this.linkAndRefresh(existing, request, actor);
      if (contact.kind !== 'beneficiary' && contact.kind !== 'member') await this.contacts.update(contact.id, { kind: 'beneficiary' }, actor);
      return existing;
    }
    const file = await this.dataSource.transaction(async (manager) => {
      const [{ seq }] = (await manager.query(`SELECT nextval('beneficiary_file_number_seq') AS seq`)) as { seq: string }[];
      const inserted = await manager
        .getRepository(BeneficiaryFile)
        .createQueryBuilder()
        .insert()
        .values({
          fileNumber: formatFileNumber(Number(seq)),
          contactId: contact.id,
          household: request.household as never,
          firstHelpRequestId: request.id,
          registeredById: actor.id,
        })
        .orIgnore()
        .returning('*')
        .execute();
      const row = (inserted.raw as { id: string }[])[0];
      if (!row) return null; // registered meanwhile by a concurrent request
      await manager.getRepository(HelpRequest).update(request.id, { beneficiaryFileId: row.id });
      const saved = await manager.getRepository(BeneficiaryFile).findOneByOrFail({ id: row.id });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'beneficiary_file.registered',
          entityType: 'beneficiary_file',
          entityId: saved.id,
          after: { fileNumber: saved.fileNumber, contactId: contact.id, helpRequestId: request.id, householdSize: request.household.length },
          ip: actor.ip,
        },
        manager,
      );
      return saved;
    });
    if (!file) return this.findByContact(contact.id);
    // Members keep their kind: a General Assembly member who receives aid stays a member, with a file.
    if (contact.kind === 'public') await this.contacts.update(contact.id, { kind: 'beneficiary' }, actor);
    this.logger.log(`help request ${request.id}: applicant registered as beneficiary file ${file.fileNumber}`);
    return file;
  }

  private async linkAndRefresh(file: BeneficiaryFile, request: HelpRequest, actor: Actor): Promise<void> {
    const sameHousehold = JSON.stringify(householdKey(file.household)) === JSON.stringify(householdKey(request.household));
    if (request.beneficiaryFileId === file.id && sameHousehold) return;
    await this.dataSource.transaction(async (manager) => {
      if (request.beneficiaryFileId !== file.id) await manager.getRepository(HelpRequest).update(request.id, { beneficiaryFileId: file.id });
      if (!sameHousehold) {
        await manager.getRepository(BeneficiaryFile).update(file.id, { household: request.household as never });
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'beneficiary_file.household_updated',
            entityType: 'beneficiary_file',
            entityId: file.id,
            before: { householdSize: file.household.length },
            after: { householdSize: request.household.length, helpRequestId: request.id },
            ip: actor.ip,
          },
          manager,
        );
      }
    });
  }
}

/** Compares households without the random parts of the encryption. */
function householdKey(members: HouseholdMemberRecord[]): unknown[] {
  return members.map((m) => [m.name, m.relation, m.birthDate, m.nationalIdHash, m.monthlyIncomeSar, m.notes]);
}
