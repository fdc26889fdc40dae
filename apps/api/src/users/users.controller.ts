import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { actorOf } from '../common/request-actor.js';
import { CurrentStaff, Roles, type StaffPrincipal } from '@app/auth';
import { toUserView, UsersService, type UserView } from '@app/users';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './user.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

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
    return toUserView(await this.users.update(id, dto, actorOf(staff, req)));
  }
}
