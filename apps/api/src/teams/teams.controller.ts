import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { Request } from 'express';
import { actorOf } from '../common/request-actor.js';
import { AnyStaff, CurrentStaff, Roles, type StaffPrincipal } from '@app/auth';
import { CategoriesService, type Category } from '@app/tickets';
import { TeamsService, type TeamView } from '@app/users';
import { type TeamLoad, TeamLoadService } from '@app/workflow';

export class TeamDto {
  @ApiProperty({ example: 'علاقات المستفيدين' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ example: 'Beneficiary relations' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  nameEn?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  memberIds?: string[];

  @ApiPropertyOptional({ enum: ['manual', 'round_robin', 'least_loaded'], default: 'manual' })
  @IsOptional()
  @IsIn(['manual', 'round_robin', 'least_loaded'])
  assignmentMode?: 'manual' | 'round_robin' | 'least_loaded';

  @ApiPropertyOptional({ default: 15 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  maxOpenPerOfficer?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'working hours for this team’s SLA clocks (default calendar when empty)' })
  @IsOptional()
  @IsUUID()
  calendarId?: string;
}

export class UpdateTeamDto extends PartialType(TeamDto) {}

export class CategoryDto {
  @ApiProperty({ example: 'المساعدات المالية' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ example: 'Financial aid' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  nameEn?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'receives referrals and escalations for this category' })
  @IsOptional()
  @IsUUID()
  competentOfficerId?: string;

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
  teamLoad(@Param('id', new ParseUUIDPipe()) id: string): Promise<TeamLoad> {
    return this.load.load(id);
  }

  @Get()
  @AnyStaff()
  list(): Promise<TeamView[]> {
    return this.teams.list();
  }

  @Get(':id')
  @AnyStaff()
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<TeamView> {
    return this.teams.get(id);
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: TeamDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<TeamView> {
    return this.teams.create(dto, actorOf(staff, req));
  }

  @Patch(':id')
  @Roles('admin')
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
  list(): Promise<Category[]> {
    return this.categories.list();
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: CategoryDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<Category> {
    return this.categories.create(dto, actorOf(staff, req));
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateCategoryDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<Category> {
    return this.categories.update(id, dto, actorOf(staff, req));
  }
}
