export { User } from './user.entity.js';
export { Team } from './team.entity.js';
export { TeamMembership } from './team-membership.entity.js';
export { UserSession } from './user-session.entity.js';
export { STAFF_ROLES, LANGUAGES, AVAILABILITIES, type StaffRole, type Language, type Availability } from './staff-role.js';
export { UserSkill } from './user-skill.entity.js';
export { UsersService, toUserView, type UserView, type CreateUserInput, type UpdateUserInput } from './users.service.js';
export { SessionService } from './session.service.js';
export { TeamsService, type TeamInput, type TeamView } from './teams.service.js';
export { UsersModule } from './users.module.js';
export { passwordHasher } from './password-hasher.js';

import { Team } from './team.entity.js';
import { TeamMembership } from './team-membership.entity.js';
import { User } from './user.entity.js';
import { UserSession } from './user-session.entity.js';
import { UserSkill } from './user-skill.entity.js';
export const USERS_ENTITIES = [User, Team, TeamMembership, UserSession, UserSkill];
