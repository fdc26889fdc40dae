import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { actorOf } from '../common/request-actor.js';
import { AnyStaff, CurrentStaff, Roles, type StaffPrincipal } from '@app/auth';
import { TeamsService, toUserView, UsersService, type UserView } from '@app/users';
import { AssignmentService } from '@app/workflow';
import { AvailabilityDto, CreateUserDto, ListUsersQuery, UpdateUserDto } from './user.dto.js';
import { MeResponse, toMeView } from './user.views.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly assignment: AssignmentService,
    private readonly teams: TeamsService,
  ) {}

  @Get('me')
  @AnyStaff()
  @ApiOperation({ summary: 'The signed-in staff member: account, current availability and teams' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentStaff() staff: StaffPrincipal): Promise<MeResponse> {
    const [user, teams] = await Promise.all([this.users.get(staff.id), this.teams.list()]);
    return toMeView(user, teams);
  }

  @Patch('me/availability')
  @AnyStaff()
  @ApiOperation({ summary: 'Set my availability; becoming available hands me waiting tickets of my teams' })
  async availability(@Body() dto: AvailabilityDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<UserView> {
    const user = await this.users.update(staff.id, { availability: dto.availability }, actorOf(staff, req));
    if (dto.availability === 'available') await this.assignWaiting(user.memberships?.map((m) => m.teamId) ?? []);
    return toUserView(user);
  }

  private async assignWaiting(teamIds: string[]): Promise<void> {
    for (const teamId of teamIds) await this.assignment.assignWaiting(teamId);
  }

  @Post()
  @ApiOperation({ summary: 'Create a staff account (admin)' })
  async create(@Body() dto: CreateUserDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<UserView> {
    return toUserView(await this.users.create(dto, actorOf(staff, req)));
  }

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'List staff accounts' })
  async list(@Query() q: ListUsersQuery): Promise<{ items: UserView[]; nextCursor: string | null }> {
    const page = await this.users.list({
      role: q.role,
      active: q.active,
      teamId: q.teamId,
      limit: q.limit ?? 50,
      cursor: q.cursor,
    });
    return { items: page.items.map(toUserView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles('admin', 'supervisor')
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<UserView> {
    return toUserView(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a staff account; deactivating it ends its sessions',
  })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<UserView> {
    const user = await this.users.update(id, dto, actorOf(staff, req));
    if (dto.availability === 'available' || dto.active === true) await this.assignWaiting(user.memberships?.map((m) => m.teamId) ?? []);
    return toUserView(user);
  }
}
