import type { EntityManager } from 'typeorm';
import { Contact } from '@app/contacts';
import { entityFromRow, type Row } from '@app/database';
import { Team, User } from '@app/users';
import { Category } from './category.entity.js';
import { Ticket } from './ticket.entity.js';

/**
 * A ticket with its contact, assignee, team and category (null when it has none), in one query; callers add
 * the WHERE (columns of `t`) and what follows it.
 */
export const SHOWN_TICKET_SQL = `SELECT t.*, to_jsonb(c) AS contact, to_jsonb(u) AS assignee, to_jsonb(tm) AS team, to_jsonb(g) AS category
  FROM tickets t
  LEFT JOIN contacts c ON c.id = t.contact_id
  LEFT JOIN users u ON u.id = t.assignee_id
  LEFT JOIN teams tm ON tm.id = t.team_id
  LEFT JOIN categories g ON g.id = t.category_id`;

/** A row of SHOWN_TICKET_SQL as the ticket with its relations. */
export function shownTicketFromRow(manager: EntityManager, row: Row): Ticket {
  const related = <T extends object>(target: new () => T, value: unknown): T | null => (value ? entityFromRow(manager, target, value as Row) : null);
  return Object.assign(entityFromRow(manager, Ticket, row), {
    contact: related(Contact, row.contact),
    assignee: related(User, row.assignee),
    team: related(Team, row.team),
    category: related(Category, row.category),
  });
}
