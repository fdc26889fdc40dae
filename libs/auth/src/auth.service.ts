import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AuditService } from '@app/audit';
import { AppConfig, DomainError, normalizeEmailAddress } from '@app/common';
import { passwordHasher, SessionService, UsersService, type User } from '@app/users';
import type { StaffPrincipal } from './auth.decorators.js';
import { LoginThrottleService } from './login-throttle.service.js';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  role: string;
}

export interface IssuedToken {
  accessToken: string;
  expiresAt: string;
  user: {
    id: string;
    name: string;
    email: string;
    role: string;
    preferredLanguage: string;
  };
}

// Verified against when the account does not exist, so timing does not reveal which e-mails are staff.
let dummyHash: Promise<string> | undefined;
const getDummyHash = (): Promise<string> => (dummyHash ??= passwordHasher.hash(randomBytes(16).toString('hex')));

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async login(emailInput: string, password: string, ip: string | null, userAgent: string | null): Promise<IssuedToken> {
    const email = normalizeEmailAddress(emailInput) ?? emailInput.trim().toLowerCase();
    await this.throttle.beforeAttempt(email, ip);
    const user = await this.users.findByEmail(email);
    const ok = await passwordHasher.verify(user?.passwordHash ?? (await getDummyHash()), password);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(email);
      await this.audit.record({
        actorId: user?.id ?? null,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: {
          email,
          reason: !user ? 'unknown_account' : !ok ? 'wrong_password' : 'inactive',
        },
        ip,
      });
      throw new DomainError('unauthenticated', 'e-mail or password is incorrect');
    }
    await this.throttle.recordSuccess(email);
    const session = await this.sessions.open(user.id, ip, userAgent);
    await this.audit.record({
      actorId: user.id,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      ip,
    });
    return this.issue(user, session.id);
  }

  /** A fresh access token for a session that is still open (the console calls this before its token expires). */
  async refresh(principal: StaffPrincipal): Promise<IssuedToken> {
    const user = await this.users.get(principal.id);
    return this.issue(user, principal.sessionId);
  }

  async logout(principal: StaffPrincipal, ip: string | null): Promise<void> {
    await this.sessions.end(principal.sessionId);
    await this.audit.record({
      actorId: principal.id,
      action: 'auth.logout',
      entityType: 'user',
      entityId: principal.id,
      ip,
    });
  }

  /** Checks a token and its session; null when either is no longer valid. */
  async authenticate(token: string, options: { ignoreExpiration?: boolean } = {}): Promise<StaffPrincipal | null> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        ignoreExpiration: options.ignoreExpiration ?? false,
      });
    } catch {
      return null;
    }
    const session = await this.sessions.touch(claims.sid);
    if (!session || session.userId !== claims.sub) return null;
    const user = await this.users.get(claims.sub).catch(() => null);
    if (!user || !user.active) return null;
    return {
      id: user.id,
      name: user.name,
      role: user.role,
      sessionId: session.id,
      preferredLanguage: user.preferredLanguage,
    };
  }

  private async issue(user: User, sessionId: string): Promise<IssuedToken> {
    const ttlSeconds = this.config.ACCESS_TOKEN_TTL_MINUTES * 60;
    const claims: AccessTokenClaims = {
      sub: user.id,
      sid: sessionId,
      role: user.role,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: ttlSeconds,
    });
    return {
      accessToken,
      expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString(),
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        preferredLanguage: user.preferredLanguage,
      },
    };
  }
}
