import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Category } from '@app/tickets';
import { Team, User, UsersService, type StaffRole } from '@app/users';
import { RoutingRule } from '@app/workflow';

export const DEMO_PASSWORD = 'demo-password-2026';

interface DemoStaff {
  name: string;
  email: string;
  role: StaffRole;
  teams: string[];
}

const TEAMS = [
  { name: 'علاقات المستفيدين', nameEn: 'Beneficiary relations' },
  { name: 'شؤون الأعضاء', nameEn: 'Member affairs' },
  { name: 'لجنة البحث الاجتماعي', nameEn: 'Social research committee' },
];

const STAFF: DemoStaff[] = [
  {
    name: 'سارة القحطاني',
    email: 'sara@example.org',
    role: 'officer',
    teams: ['علاقات المستفيدين'],
  },
  {
    name: 'خالد الشمري',
    email: 'khalid@example.org',
    role: 'officer',
    teams: ['علاقات المستفيدين', 'شؤون الأعضاء'],
  },
  {
    name: 'منى الدوسري',
    email: 'mona@example.org',
    role: 'supervisor',
    teams: ['علاقات المستفيدين', 'شؤون الأعضاء'],
  },
  {
    name: 'عبدالله الحربي',
    email: 'abdullah@example.org',
    role: 'committee',
    teams: ['لجنة البحث الاجتماعي'],
  },
];

/** Demo teams and staff so a newcomer can sign in and look around. Runs once; later runs change nothing. */
@Injectable()
export class DemoDataSeeder {
  private readonly logger = new Logger(DemoDataSeeder.name);

  constructor(
    private readonly users: UsersService,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    @InjectRepository(User) private readonly userRepo: Repository<User>,
    @InjectRepository(Category) private readonly categories: Repository<Category>,
    @InjectRepository(RoutingRule) private readonly rules: Repository<RoutingRule>,
  ) {}

  async seed(): Promise<{
    created: boolean;
    accounts: { email: string; role: StaffRole }[];
  }> {
    const accounts = STAFF.map(({ email, role }) => ({ email, role }));
    if (await this.userRepo.existsBy({ email: STAFF[0].email })) return { created: false, accounts };
    const teamIds = new Map<string, string>();
    for (const t of TEAMS) {
      const existing = await this.teams.findOneBy({ name: t.name });
      const team = existing ?? (await this.teams.save(this.teams.create(t)));
      teamIds.set(t.name, team.id);
    }
    for (const s of STAFF) {
      await this.users.create(
        {
          name: s.name,
          email: s.email,
          password: DEMO_PASSWORD,
          role: s.role,
          teamIds: s.teams.map((n) => teamIds.get(n) as string),
        },
        { id: null },
      );
    }
    // Routing so a simulated message is routed and assigned on its own.
    const relations = teamIds.get('علاقات المستفيدين') as string;
    const members = teamIds.get('شؤون الأعضاء') as string;
    await this.teams.update(relations, { assignmentMode: 'round_robin' });
    const userId = async (email: string) => (await this.userRepo.findOneByOrFail({ email })).id;
    const aid = await this.categories.save(
      this.categories.create({
        name: 'المساعدات المالية والإيجار',
        nameEn: 'Financial and rent aid',
        teamId: relations,
        competentOfficerId: await userId('mona@example.org'),
      }),
    );
    await this.categories.save(
      this.categories.create({ name: 'شؤون العضوية', nameEn: 'Membership', teamId: members, competentOfficerId: await userId('khalid@example.org') }),
    );
    await this.rules.save([
      this.rules.create({
        name: 'طلبات المساعدة والإيجار',
        position: 10,
        conditions: { keywords: ['مساعدة', 'إيجار', 'سكن', 'فاتورة'] },
        actions: { teamId: relations, categoryId: aid.id },
      }),
      this.rules.create({ name: 'أعضاء الجمعية العمومية', position: 20, conditions: { contactKinds: ['member'] }, actions: { teamId: members } }),
      this.rules.create({ name: 'الافتراضية', position: 1000, conditions: {}, actions: { teamId: relations } }),
    ]);
    this.logger.log(`Seeded demo data: ${TEAMS.length} teams, ${STAFF.length} staff, 2 categories, 3 routing rules`);
    return { created: true, accounts };
  }
}
