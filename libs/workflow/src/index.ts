export { WorkflowModule } from './workflow.module.js';
export { AssignmentService } from './assignment/assignment.service.js';
export { TeamLoadService, type TeamLoad } from './assignment/team-load.service.js';
export { chooseAssignee, ASSIGNMENT_MODES, type AssignmentMode, type OfficerCandidate } from './assignment/assignee-chooser.js';
export {
  addWorkingMinutes,
  subtractWorkingMinutes,
  workingMinutesBetween,
  defaultSaudiCalendar,
  validateCalendar,
  type CalendarSpec,
  type WorkingInterval,
} from './calendar/business-calendar.js';
export { BusinessCalendar } from './calendar/business-calendar.entity.js';
export { BusinessCalendarsService } from './calendar/business-calendars.service.js';
export { ReferralService } from './escalation/referral.service.js';
export { RoutingRule } from './routing/routing-rule.entity.js';
export { RoutingRulesService, type RoutingRuleInput } from './routing/routing-rules.service.js';
export { RoutingService, type RoutingOutcome } from './routing/routing.service.js';
export { type RuleActions, type RuleConditions } from './routing/routing-rules.js';
export { SlaClockService } from './sla/sla-clock.service.js';
export { SlaPoliciesService, type SlaPolicyInput } from './sla/sla-policies.service.js';
export { SlaPolicy } from './sla/sla-policy.entity.js';
export { SlaReconcilerService } from './sla/sla-reconciler.service.js';
export { SlaTimerHandler, type TimerOutcome } from './sla/sla-timer.handler.js';
export { SLA_TIMER_KINDS, slaJobId, type SlaTimerJob, type SlaTimerKind } from './sla/sla-timers.service.js';
export { WorkflowEventsListener, ROUTE_JOB, routeJobId, type RouteJob } from './workflow-events.listener.js';

import { BusinessCalendar } from './calendar/business-calendar.entity.js';
import { RoutingRule } from './routing/routing-rule.entity.js';
import { SlaPolicy } from './sla/sla-policy.entity.js';
export const WORKFLOW_ENTITIES = [RoutingRule, SlaPolicy, BusinessCalendar];
