import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionService } from './session.service.js';
import { TeamsService } from './teams.service.js';
import { TeamMembership } from './team-membership.entity.js';
import { Team } from './team.entity.js';
import { UserSession } from './user-session.entity.js';
import { UserSkill } from './user-skill.entity.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, Team, TeamMembership, UserSession, UserSkill])],
  providers: [UsersService, SessionService, TeamsService],
  exports: [UsersService, SessionService, TeamsService, TypeOrmModule],
})
export class UsersModule {}
