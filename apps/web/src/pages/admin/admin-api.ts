import type { components } from '../../api/schema';

// The settings screens' data, as the api documents it (OpenAPI response bodies).
type Schemas = components['schemas'];
export type Team = Schemas['TeamResponse'];
export type AssignmentMode = Team['assignmentMode'];
export type Category = Schemas['CategoryResponse'];
export type RoutingRule = Schemas['RoutingRuleResponse'];
export type RuleConditions = Schemas['RuleConditionsDto'];
export type RuleActions = Schemas['RuleActionsDto'];
export type SlaPolicy = Schemas['SlaPolicyResponse'];
export type BusinessCalendar = Schemas['BusinessCalendarResponse'];
export type WorkingInterval = Schemas['IntervalDto'];
export type Holiday = Schemas['HolidayDto'];
export type CalendarOverride = Schemas['OverrideDto'];
export type ContactKind = NonNullable<RuleConditions['contactKinds']>[number];

export const ASSIGNMENT_MODES: readonly AssignmentMode[] = ['manual', 'round_robin', 'least_loaded'];
export const CONTACT_KINDS: readonly ContactKind[] = ['member', 'beneficiary', 'public'];

/** Query keys the settings screens share with the rest of the console (teams, categories). */
export const adminKeys = {
  teams: ['teams'],
  categories: ['categories'],
  routingRules: ['routing-rules'],
  slaPolicies: ['sla-policies'],
  calendars: ['business-calendars'],
  templates: ['templates'],
  staff: ['users', 'directory'],
} as const;
