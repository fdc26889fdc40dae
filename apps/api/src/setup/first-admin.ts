import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/common';
import { User, UsersService } from '@app/users';

/** Creates the first admin when there is no admin yet. A generated password is returned so it can be printed once. */
@Injectable()
export class FirstAdmin {
  private readonly logger = new Logger(FirstAdmin.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    @InjectRepository(User) private readonly userRepo: Repository<User>,
  ) {}

  async ensure(): Promise<{
    email: string;
    generatedPassword: string | null;
  } | null> {
    if (await this.userRepo.existsBy({ role: 'admin' })) return null;
    const generatedPassword = this.config.ADMIN_PASSWORD ? null : randomBytes(12).toString('base64url');
    const password = this.config.ADMIN_PASSWORD ?? (generatedPassword as string);
    await this.users.create(
      {
        name: 'مدير النظام',
        email: this.config.ADMIN_EMAIL,
        password,
        role: 'admin',
      },
      { id: null },
    );
    this.logger.log(`Created the first admin ${this.config.ADMIN_EMAIL}`);
    return { email: this.config.ADMIN_EMAIL, generatedPassword };
  }
}
