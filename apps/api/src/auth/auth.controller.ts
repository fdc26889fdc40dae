import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AnyStaff, AuthService, clearAccessCookie, CurrentStaff, Public, setAccessCookie, type IssuedToken, type StaffPrincipal } from '@app/auth';
import { AppConfig, clientIp } from '@app/common';
import { IssuedTokenResponse, SessionStaffResponse } from './auth.views.js';
import { LoginDto } from './login.dto.js';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  private get secureCookies(): boolean {
    return this.config.PUBLIC_BASE_URL.startsWith('https:');
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in; returns an access token and sets it as an http-only cookie',
  })
  @ApiOkResponse({ type: IssuedTokenResponse })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<IssuedToken> {
    const issued = await this.auth.login(dto.email, dto.password, clientIp(req), req.headers['user-agent'] ?? null);
    setAccessCookie(res, issued.accessToken, new Date(issued.expiresAt), this.secureCookies);
    return issued;
  }

  @AnyStaff()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new access token for the current session' })
  @ApiOkResponse({ type: IssuedTokenResponse })
  async refresh(@CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response): Promise<IssuedToken> {
    const issued = await this.auth.refresh(staff);
    setAccessCookie(res, issued.accessToken, new Date(issued.expiresAt), this.secureCookies);
    return issued;
  }

  @AnyStaff()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session' })
  @ApiNoContentResponse({ description: 'signed out; the cookie is cleared' })
  async logout(@CurrentStaff() staff: StaffPrincipal, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(staff, clientIp(req));
    clearAccessCookie(res, this.secureCookies);
  }

  @AnyStaff()
  @Get('me')
  @ApiOperation({ summary: 'The signed-in staff member' })
  @ApiOkResponse({ type: SessionStaffResponse })
  me(@CurrentStaff() staff: StaffPrincipal): SessionStaffResponse {
    const { sessionId: _sid, ...rest } = staff;
    return rest;
  }
}
