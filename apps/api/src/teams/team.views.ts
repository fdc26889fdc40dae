import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole } from '@app/users';

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
