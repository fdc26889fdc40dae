import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelsModule, FormRateLimiter } from '@app/channels';
import { ContactsModule } from '@app/contacts';
import { NotificationsModule } from '@app/notifications';
import { TicketsModule } from '@app/tickets';
import { BeneficiaryFile } from './beneficiary/beneficiary-file.entity.js';
import { BeneficiaryFilesService } from './beneficiary/beneficiary-files.service.js';
import { ServiceType } from './catalogue/service-type.entity.js';
import { ServiceTypesService } from './catalogue/service-types.service.js';
import { CommitteeBoardEntry } from './committee/committee-board-entry.entity.js';
import { CommitteeBoardService } from './committee/committee-board.service.js';
import { CommitteeDecision } from './committee/committee-decision.entity.js';
import { CommitteeQueue } from './committee/committee-queue.js';
import { CommitteeResearchEntry } from './committee/committee-research-entry.entity.js';
import { CommitteeService } from './committee/committee.service.js';
import { HandoffService } from './committee/handoff.service.js';
import { DeclarationCodeOutbox } from './declaration/declaration-code-outbox.js';
import { DeclarationCode } from './declaration/declaration-code.entity.js';
import { Declaration } from './declaration/declaration.entity.js';
import { DeclarationService } from './declaration/declaration.service.js';
import { HelpRequestDocument } from './intake/help-request-document.entity.js';
import { HelpRequestEvents } from './intake/help-request-events.js';
import { HelpRequestIntakeService } from './intake/help-request-intake.service.js';
import { HelpRequestStateService } from './intake/help-request-state.service.js';
import { HelpRequest } from './intake/help-request.entity.js';
import { NationalIdVault } from './intake/national-id-vault.js';
import { ApplicantNotifier } from './notices/applicant-notifier.js';
import { TurnaroundService } from './reports/turnaround.service.js';

export const HELP_REQUESTS_ENTITIES = [
  ServiceType,
  BeneficiaryFile,
  HelpRequest,
  HelpRequestDocument,
  DeclarationCode,
  Declaration,
  CommitteeBoardEntry,
  CommitteeResearchEntry,
  CommitteeDecision,
];

/** Help requests and the research committee: catalogue, intake, registration, declaration, hand-off, decisions. */
@Module({
  imports: [TypeOrmModule.forFeature(HELP_REQUESTS_ENTITIES), TicketsModule, ContactsModule, ChannelsModule, NotificationsModule],
  providers: [
    ServiceTypesService,
    NationalIdVault,
    HelpRequestStateService,
    HelpRequestEvents,
    HelpRequestIntakeService,
    BeneficiaryFilesService,
    ApplicantNotifier,
    DeclarationCodeOutbox,
    DeclarationService,
    FormRateLimiter,
    CommitteeQueue,
    HandoffService,
    CommitteeService,
    CommitteeBoardService,
    TurnaroundService,
  ],
  exports: [
    ServiceTypesService,
    HelpRequestStateService,
    HelpRequestIntakeService,
    BeneficiaryFilesService,
    DeclarationService,
    DeclarationCodeOutbox,
    HandoffService,
    CommitteeService,
    CommitteeBoardService,
    CommitteeQueue,
    TurnaroundService,
    FormRateLimiter,
  ],
})
export class HelpRequestsModule {}
