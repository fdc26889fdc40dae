import { ApiProperty } from '@nestjs/swagger';
import { AVAILABILITIES, LANGUAGES, STAFF_ROLES, type Availability, type Language, type StaffRole, type TeamView, type User } from '@app/users';
import { NamedItemResponse } from '../teams/team.views.js';

// Response bodies, described for the OpenAPI document (and so for the web console's typed client).

export class MyTeamResponse extends NamedItemResponse {}

export class MeResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  role!: StaffRole;

  @ApiProperty({ enum: LANGUAGES })
  preferredLanguage!: Language;

  @ApiProperty({ enum: AVAILABILITIES, description: 'only available officers get tickets automatically' })
  availability!: Availability;

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
