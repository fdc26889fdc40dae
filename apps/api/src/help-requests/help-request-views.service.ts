import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { BeneficiaryFilesService, CommitteeService, type HelpRequestState } from '@app/help-requests';
import { toHelpRequestView } from './help-request-view.js';
import type { HelpRequestResponse } from './help-request.views.js';

/** Gathers what the help-request view shows besides the state: decisions, research, the file number. */
@Injectable()
export class HelpRequestViews {
  constructor(
    private readonly committee: CommitteeService,
    private readonly files: BeneficiaryFilesService,
    private readonly config: AppConfig,
  ) {}

  async of(s: HelpRequestState): Promise<HelpRequestResponse> {
    const [decisions, research, file] = await Promise.all([
      this.committee.decisionsOf(s.request.id),
      this.committee.researchOf(s.request.id),
      this.files.findByContact(s.contact.id),
    ]);
    return toHelpRequestView(s, { decisions, research, fileNumber: file?.fileNumber ?? null, config: this.config });
  }
}
