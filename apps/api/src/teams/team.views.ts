import { ApiProperty } from '@nestjs/swagger';
import { AVAILABILITIES, STAFF_ROLES, type StaffRole } from '@app/users';
import type { TeamLoad } from '@app/workflow';

// Response bodies, described for the OpenAPI document (and so for the web console's typed client).

export const ASSIGNMENT_MODES = ['manual', 'round_robin', 'least_loaded'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export class TeamMemberResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  role!: StaffRole;
}

/** Something staff pick by its name: Arabic, with the English one where it is set. */
export class NamedItemResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  nameEn!: string | null;
}

export class TeamResponse extends NamedItemResponse {
  @ApiProperty({ enum: ASSIGNMENT_MODES })
  assignmentMode!: AssignmentMode;

  @ApiProperty()
  maxOpenPerOfficer!: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the default calendar' })
  calendarId!: string | null;

  @ApiProperty({ type: [TeamMemberResponse] })
  members!: TeamMemberResponse[];
}

export class CategoryResponse extends NamedItemResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  teamId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  competentOfficerId!: string | null;

  @ApiProperty()
  requiresSkill!: boolean;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: Date;
}

export class TeamLoadOfficerResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  role!: string;

  @ApiProperty({ enum: AVAILABILITIES })
  availability!: string;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ description: 'assigned tickets that are new, open or pending' })
  openTickets!: number;

  @ApiProperty({ description: 'of those, the ones past a due time' })
  breachingTickets!: number;
}

export class BreachingTicketResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  number!: string;

  @ApiProperty()
  subject!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstResponseDueAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolutionDueAt!: string | null;

  @ApiProperty()
  escalationLevel!: number;
}

export class TeamLoadResponse implements TeamLoad {
  @ApiProperty({ format: 'uuid' })
  teamId!: string;

  @ApiProperty({ type: [TeamLoadOfficerResponse] })
  officers!: TeamLoadOfficerResponse[];

  @ApiProperty({ description: 'open tickets of the team with nobody assigned' })
  unassigned!: number;

  @ApiProperty({ type: [BreachingTicketResponse] })
  breaching!: BreachingTicketResponse[];
}
