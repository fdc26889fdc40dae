import { ApiProperty } from '@nestjs/swagger';
import type { IssuedToken, StaffPrincipal } from '@app/auth';
import { LANGUAGES, STAFF_ROLES, type Language, type StaffRole } from '@app/users';

// Response bodies, described for the OpenAPI document (and so for the web console's typed client).

/** The signed-in staff member as their session knows them. */
export class SessionStaffResponse implements Omit<StaffPrincipal, 'sessionId'> {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  role!: StaffRole;

  @ApiProperty({ enum: LANGUAGES })
  preferredLanguage!: Language;
}

export class TokenUserResponse extends SessionStaffResponse {
  @ApiProperty()
  email!: string;
}

export class IssuedTokenResponse implements IssuedToken {
  @ApiProperty({ description: 'send as `Authorization: Bearer …`; the console uses the http-only cookie instead' })
  accessToken!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: TokenUserResponse })
  user!: TokenUserResponse;
}
