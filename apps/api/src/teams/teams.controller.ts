import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  PartialType,
} from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { Request } from 'express';
import { actorOf } from '../common/request-actor.js';
import { AnyStaff, CurrentStaff, Roles, type StaffPrincipal } from '@app/auth';
import { CategoriesService, type Category } from '@app/tickets';
import { TeamsService, type TeamView } from '@app/users';
import { type TeamLoad, TeamLoadService } from '@app/workflow';
import { ASSIGNMENT_MODES, type AssignmentMode, CategoryResponse, TeamLoadResponse, TeamResponse } from './team.views.js';

export class TeamDto {
  @ApiProperty({ example: 'علاقات المستفيدين' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Beneficiary relations' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  nameEn?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  memberIds?: string[];

  @ApiPropertyOptional({ enum: ASSIGNMENT_MODES, default: 'manual' })
  @IsOptional()
  @IsIn(ASSIGNMENT_MODES)
  assignmentMode?: AssignmentMode;

  @ApiPropertyOptional({ default: 15 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  maxOpenPerOfficer?: number;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'working hours for this team’s SLA clocks (null: the default calendar)',
  })
  @IsOptional()
  @IsUUID()
  calendarId?: string | null;
}

export class UpdateTeamDto extends PartialType(TeamDto) {}

export class CategoryDto {
  @ApiProperty({ example: 'المساعدات المالية' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Financial aid' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  nameEn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'receives referrals and escalations for this category' })
  @IsOptional()
  @IsUUID()
  competentOfficerId?: string | null;

  @ApiPropertyOptional({ description: 'automatic assignment only to officers skilled for this category' })
  @IsOptional()
  @IsBoolean()
  requiresSkill?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateCategoryDto extends PartialType(CategoryDto) {}

@ApiTags('teams')
@ApiBearerAuth()
@Controller('api/v1/teams')
export class TeamsController {
  constructor(
    private readonly teams: TeamsService,
    private readonly load: TeamLoadService,
  ) {}

  @Get(':id/load')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Each officer’s load and availability, and the team’s breaching tickets' })
  @ApiOkResponse({ type: TeamLoadResponse })
  teamLoad(@Param('id', new ParseUUIDPipe()) id: string): Promise<TeamLoad> {
    return this.load.load(id);
  }

  @Get()
  @AnyStaff()
  @ApiOkResponse({ type: [TeamResponse] })
  list(): Promise<TeamView[]> {
    return this.teams.list();
  }

  @Get(':id')
  @AnyStaff()
  @ApiOkResponse({ type: TeamResponse })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<TeamView> {
    return this.teams.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: TeamResponse })
  create(@Body() dto: TeamDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<TeamView> {
    return this.teams.create(dto, actorOf(staff, req));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: TeamResponse })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateTeamDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<TeamView> {
    return this.teams.update(id, dto, actorOf(staff, req));
  }
}

@ApiTags('categories')
@ApiBearerAuth()
@Controller('api/v1/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @AnyStaff()
  @ApiOkResponse({ type: [CategoryResponse] })
  list(): Promise<Category[]> {
    return this.categories.list();
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CategoryResponse })
  create(@Body() dto: CategoryDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<Category> {
    return this.categories.create(dto, actorOf(staff, req));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: CategoryResponse })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateCategoryDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<Category> {
    return this.categories.update(id, dto, actorOf(staff, req));
  }
}
