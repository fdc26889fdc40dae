import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@example.org' })
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'a long passphrase' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}
