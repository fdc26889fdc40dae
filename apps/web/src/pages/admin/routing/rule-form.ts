import type { Channel, TicketPriority, TicketType } from '../../../api/views';
import type { ContactKind, RoutingRule, RuleActions, RuleConditions } from '../admin-api';
import { joinTextList, parseTextList } from '../text-list';

/** What the routing-rule form edits: lists as chosen values, keywords and tags as typed text. */
export interface RuleFormValues {
  name: string;
  active: boolean;
  channels: Channel[];
  types: TicketType[];
  categoryIds: string[];
  contactKinds: ContactKind[];
  keywords: string;
  teamId: string;
  categoryId: string;
  priority: TicketPriority | '';
  tags: string;
}

export type RuleFormErrors = Partial<Record<'name' | 'keywords' | 'tags' | 'actions', string>>;

export function ruleFormValues(rule: RoutingRule | null, language: 'ar' | 'en'): RuleFormValues {
  return {
    name: rule?.name ?? '',
    active: rule?.active ?? true,
    channels: [...(rule?.conditions.channels ?? [])],
    types: [...(rule?.conditions.types ?? [])],
    categoryIds: [...(rule?.conditions.categoryIds ?? [])],
    contactKinds: [...(rule?.conditions.contactKinds ?? [])],
    keywords: joinTextList(rule?.conditions.keywords, language),
    teamId: rule?.actions.teamId ?? '',
    categoryId: rule?.actions.categoryId ?? '',
    priority: rule?.actions.priority ?? '',
    tags: joinTextList(rule?.actions.tags, language),
  };
}

/** The api's limits (RoutingRuleDto), checked before sending; values are message keys under `admin.validation`. */
export function validateRuleForm(values: RuleFormValues): RuleFormErrors {
  const errors: RuleFormErrors = {};
  const name = values.name.trim();
  if (name.length < 2 || name.length > 120) errors.name = 'name';
  const keywords = parseTextList(values.keywords);
  if (keywords.length > 50 || keywords.some((k) => k.length < 2 || k.length > 60)) errors.keywords = 'keywords';
  const tags = parseTextList(values.tags);
  if (tags.length > 10 || tags.some((t) => t.length > 40)) errors.tags = 'tags';
  const body = ruleBody(values);
  if (Object.keys(body.actions).length === 0) errors.actions = 'ruleAction';
  return errors;
}

/** The body of POST / PATCH /api/v1/routing-rules: empty lists left out (a rule without conditions always matches). */
export function ruleBody(values: RuleFormValues): { name: string; active: boolean; conditions: RuleConditions; actions: RuleActions } {
  const conditions: RuleConditions = {};
  if (values.channels.length) conditions.channels = values.channels;
  if (values.types.length) conditions.types = values.types;
  if (values.categoryIds.length) conditions.categoryIds = values.categoryIds;
  if (values.contactKinds.length) conditions.contactKinds = values.contactKinds;
  const keywords = parseTextList(values.keywords);
  if (keywords.length) conditions.keywords = keywords;
  const actions: RuleActions = {};
  if (values.teamId) actions.teamId = values.teamId;
  if (values.categoryId) actions.categoryId = values.categoryId;
  if (values.priority) actions.priority = values.priority;
  const tags = parseTextList(values.tags);
  if (tags.length) actions.tags = tags;
  return { name: values.name.trim(), active: values.active, conditions, actions };
}

/** True for the catch-all rule: no conditions, so it matches every ticket that reaches it. */
export function isDefaultRule(conditions: RuleConditions): boolean {
  return !Object.values(conditions).some((list) => Array.isArray(list) && list.length > 0);
}
