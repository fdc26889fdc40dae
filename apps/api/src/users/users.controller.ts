import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { actorOf } from '../common/request-actor.js';
import { AnyStaff, CurrentStaff, Roles, type StaffPrincipal } from '@app/auth';
import { TeamsService, toUserView, UsersService } from '@app/users';
import { WaitingAssignments } from '@app/workflow';
import { AvailabilityDto, CreateUserDto, ListUsersQuery, UpdateUserDto } from './user.dto.js';
import { MeResponse, toMeView, UserPageResponse, UserResponse } from './user.views.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly waiting: WaitingAssignments,
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
  @ApiOkResponse({ type: UserResponse })
  async availability(@Body() dto: AvailabilityDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<UserResponse> {
    const user = await this.users.update(staff.id, { availability: dto.availability }, actorOf(staff, req));
    if (dto.availability === 'available') await this.waiting.request(user.memberships?.map((m) => m.teamId) ?? []);
    return toUserView(user);
  }

  @Post()
  @ApiOperation({ summary: 'Create a staff account (admin)' })
  @ApiCreatedResponse({ type: UserResponse })
  async create(@Body() dto: CreateUserDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<UserResponse> {
    return toUserView(await this.users.create(dto, actorOf(staff, req)));
  }

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'List staff accounts' })
  @ApiOkResponse({ type: UserPageResponse })
  async list(@Query() q: ListUsersQuery): Promise<UserPageResponse> {
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
  @ApiOperation({ summary: 'One staff account' })
  @ApiOkResponse({ type: UserResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<UserResponse> {
    return toUserView(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a staff account; deactivating it ends its sessions',
  })
  @ApiOkResponse({ type: UserResponse })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<UserResponse> {
    const user = await this.users.update(id, dto, actorOf(staff, req));
    if (dto.availability === 'available' || dto.active === true) await this.waiting.request(user.memberships?.map((m) => m.teamId) ?? []);
    return toUserView(user);
  }
}
