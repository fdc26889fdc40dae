import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@app/notifications';
import { TicketsModule } from '@app/tickets';
import { Team, UsersModule } from '@app/users';
import { AssignmentService } from './assignment/assignment.service.js';
import { TeamLoadService } from './assignment/team-load.service.js';
import { WaitingAssignments } from './assignment/waiting-assignments.js';
import { BusinessCalendar } from './calendar/business-calendar.entity.js';
import { BusinessCalendarsService } from './calendar/business-calendars.service.js';
import { EscalationService } from './escalation/escalation.service.js';
import { ReferralService } from './escalation/referral.service.js';
import { RoutingRule } from './routing/routing-rule.entity.js';
import { RoutingRulesService } from './routing/routing-rules.service.js';
import { RoutingService } from './routing/routing.service.js';
import { SlaClockService } from './sla/sla-clock.service.js';
import { SlaPoliciesService } from './sla/sla-policies.service.js';
import { SlaPolicy } from './sla/sla-policy.entity.js';
import { SlaReconcilerService } from './sla/sla-reconciler.service.js';
import { SlaTimerHandler } from './sla/sla-timer.handler.js';
import { SlaTimersService } from './sla/sla-timers.service.js';
import { WORKFLOW_OPTIONS, WorkflowEventsListener, type WorkflowOptions } from './workflow-events.listener.js';
import { WorkflowSettings } from './workflow-settings.js';

@Module({
  imports: [TypeOrmModule.forFeature([RoutingRule, SlaPolicy, BusinessCalendar, Team]), TicketsModule, UsersModule, NotificationsModule],
  providers: [
    AssignmentService,
    TeamLoadService,
    BusinessCalendarsService,
    EscalationService,
    ReferralService,
    RoutingRulesService,
    RoutingService,
    SlaClockService,
    SlaPoliciesService,
    SlaReconcilerService,
    SlaTimerHandler,
    SlaTimersService,
    WaitingAssignments,
    WorkflowEventsListener,
    WorkflowSettings,
  ],
  exports: [
    AssignmentService,
    TeamLoadService,
    BusinessCalendarsService,
    ReferralService,
    RoutingRulesService,
    RoutingService,
    SlaClockService,
    SlaPoliciesService,
    SlaReconcilerService,
    SlaTimerHandler,
    WaitingAssignments,
    WorkflowEventsListener,
  ],
})
export class WorkflowModule {
  static forRoot(options: WorkflowOptions): DynamicModule {
    return { module: WorkflowModule, providers: [{ provide: WORKFLOW_OPTIONS, useValue: options }] };
  }
}
