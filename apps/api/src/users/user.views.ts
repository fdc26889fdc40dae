import { ApiProperty, PickType } from '@nestjs/swagger';
import {
  AVAILABILITIES,
  LANGUAGES,
  STAFF_ROLES,
  type Availability,
  type Language,
  type StaffRole,
  type TeamView,
  type User,
  type UserView,
} from '@app/users';
import { NamedItemResponse } from '../teams/team.views.js';

// Response bodies, described for the OpenAPI document (and so for the web console's typed client).

export class MyTeamResponse extends NamedItemResponse {}

export class UserResponse implements UserView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  role!: StaffRole;

  @ApiProperty({ description: 'false: deactivated, cannot sign in' })
  active!: boolean;

  @ApiProperty({ enum: LANGUAGES })
  preferredLanguage!: Language;

  @ApiProperty({ enum: AVAILABILITIES, description: 'only available officers get tickets automatically' })
  availability!: Availability;

  @ApiProperty({ type: [String], format: 'uuid' })
  teamIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'categories this officer is skilled in' })
  skillCategoryIds!: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class MeResponse extends PickType(UserResponse, ['id', 'name', 'email', 'role', 'preferredLanguage', 'availability'] as const) {
  @ApiProperty({ type: [MyTeamResponse] })
  teams!: MyTeamResponse[];
}

/** The signed-in staff member with the teams they belong to (by name, for the console's header and "my team"). */
export function toMeView(user: User, teams: TeamView[]): MeResponse {
  const mine = new Set((user.memberships ?? []).map((m) => m.teamId));
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    preferredLanguage: user.preferredLanguage,
    availability: user.availability,
    teams: teams.filter((t) => mine.has(t.id)).map((t) => ({ id: t.id, name: t.name, nameEn: t.nameEn })),
  };
}

export class UserPageResponse {
  @ApiProperty({ type: [UserResponse] })
  items!: UserResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}
