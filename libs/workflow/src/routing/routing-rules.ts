import { normalizeSearchText } from '@app/common';

/** What a rule can look at. */
export interface RoutingFacts {
  channel: string;
  type: string;
  categoryId: string | null;
  contactKind: string;
  /** Subject and first message, any form: normalised before matching. */
  text: string;
}

export interface RuleConditions {
  channels?: string[];
  types?: string[];
  categoryIds?: string[];
  contactKinds?: string[];
  /** Any one keyword matches (Arabic-normalised, so "إيجار" matches "ايجار"). */
  keywords?: string[];
}

export interface RuleActions {
  teamId?: string;
  categoryId?: string;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  tags?: string[];
}

export interface RoutingRuleSpec {
  id: string;
  name: string;
  conditions: RuleConditions;
  actions: RuleActions;
}

export function ruleMatches(rule: RoutingRuleSpec, facts: RoutingFacts): boolean {
  const c = rule.conditions;
  if (c.channels?.length && !c.channels.includes(facts.channel)) return false;
  if (c.types?.length && !c.types.includes(facts.type)) return false;
  if (c.categoryIds?.length && (!facts.categoryId || !c.categoryIds.includes(facts.categoryId))) return false;
  if (c.contactKinds?.length && !c.contactKinds.includes(facts.contactKind)) return false;
  if (c.keywords?.length) {
    const text = ` ${normalizeSearchText(facts.text)} `;
    if (!c.keywords.some((k) => text.includes(normalizeSearchText(k)))) return false;
  }
  return true;
}

/** Rules in order; the first that matches wins. A rule without conditions is the default and always matches. */
export function pickRule(rules: RoutingRuleSpec[], facts: RoutingFacts): RoutingRuleSpec | null {
  return rules.find((r) => ruleMatches(r, facts)) ?? null;
}
