import { CreateStaffAndAudit1795628021583 } from './1795628021583-create-staff-and-audit.js';
import { CreateContactsAndTickets1795628609324 } from './1795628609324-create-contacts-and-tickets.js';
import { OrderAuditLogBySequence1795628879241 } from './1795628879241-order-audit-log-by-sequence.js';
import { CreateInboundEventsAndTemplates1795629221607 } from './1795629221607-create-inbound-events-and-templates.js';
import { CreateSurveys1795630262504 } from './1795630262504-create-surveys.js';
import { CreateWorkflow1795630299630 } from './1795630299630-create-workflow.js';
import { CreateHelpRequestsAndCommittee1795630861839 } from './1795630861839-create-help-requests-and-committee.js';
import { OrderTicketsByActivity1795637860318 } from './1795637860318-order-tickets-by-activity.js';
import { NameHouseholdMembers1795639465893 } from './1795639465893-name-household-members.js';
import { IndexMessageWordPairs1795642000000 } from './1795642000000-index-message-word-pairs.js';
import { CountWorkflowSettingsChanges1795643000000 } from './1795643000000-count-workflow-settings-changes.js';

/** Every migration, in order. Listed explicitly so the build and the tests see the same set. */
export const MIGRATIONS = [
  CreateStaffAndAudit1795628021583,
  CreateContactsAndTickets1795628609324,
  OrderAuditLogBySequence1795628879241,
  CreateInboundEventsAndTemplates1795629221607,
  CreateSurveys1795630262504,
  CreateWorkflow1795630299630,
  CreateHelpRequestsAndCommittee1795630861839,
  OrderTicketsByActivity1795637860318,
  NameHouseholdMembers1795639465893,
  IndexMessageWordPairs1795642000000,
  CountWorkflowSettingsChanges1795643000000,
];
