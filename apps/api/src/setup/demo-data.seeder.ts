import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type InboundContact, InboundEvent } from '@app/channels';
import { ContactsService } from '@app/contacts';
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

/** A General Assembly member, so the member routing rule has someone to match. */
const MEMBER = {
  name: 'فهد العتيبي',
  kind: 'member' as const,
  membershipNumber: 'GA-0142',
  phone: '+966503334455',
  email: 'fahad.otaibi@example.net',
};

/**
 * Messages as the channels would have stored them, minutes to hours ago. They wait in
 * `inbound_events` like messages that arrived while the worker was down, so the worker's sweeper
 * takes them through the real pipeline once it starts: contact, ticket, routing, assignment, SLA
 * clock and acknowledgement, exactly as for a live message.
 */
const CONVERSATIONS: { minutesAgo: number; contact: Omit<InboundContact, 'externalId' | 'receivedAt' | 'attachments' | 'threadHints'> }[] = [
  {
    minutesAgo: 190,
    contact: {
      channel: 'sms',
      from: { kind: 'phone', address: '+966501234567' },
      text: 'السلام عليكم، متى تُصرف مساعدة الإيجار لهذا الشهر؟ رقم ملفي لدى الجمعية ٤٥٢١',
    },
  },
  {
    minutesAgo: 150,
    contact: {
      channel: 'whatsapp',
      from: { kind: 'phone', address: '+966551112233', name: 'أم عبدالرحمن' },
      text: 'مساء الخير، هل باب التسجيل في برنامج السلة الغذائية مفتوح؟ لدينا أسرة من ستة أفراد.',
      meta: { profileName: 'أم عبدالرحمن' },
    },
  },
  {
    minutesAgo: 95,
    contact: {
      channel: 'email',
      from: { kind: 'email', address: MEMBER.email, name: MEMBER.name },
      subject: 'تحديث عنوان المراسلة في سجل العضوية',
      text: 'الإخوة في الجمعية، أرجو تحديث عنوان المراسلة في سجل عضويتي بالجمعية العمومية قبل موعد الاجتماع القادم.\n\nفهد العتيبي',
    },
  },
  {
    minutesAgo: 40,
    contact: {
      channel: 'web',
      from: { kind: 'email', address: 'noura.volunteer@example.com', name: 'نورة السبيعي' },
      subject: 'التطوع في حملة الشتاء',
      text: 'أود التطوع في حملة توزيع كسوة الشتاء، ولدي خبرة في تنظيم الفعاليات. كيف أسجل؟',
      meta: { form: 'contact', email: 'noura.volunteer@example.com' },
    },
  },
  {
    minutesAgo: 12,
    contact: {
      channel: 'sms',
      from: { kind: 'phone', address: '+966501234567' },
      text: 'وهل أحتاج إلى إرفاق عقد الإيجار الجديد؟',
    },
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
    @InjectRepository(InboundEvent) private readonly inbound: Repository<InboundEvent>,
    private readonly contacts: ContactsService,
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
    await this.contacts.create(
      {
        name: MEMBER.name,
        kind: MEMBER.kind,
        membershipNumber: MEMBER.membershipNumber,
        identities: [
          { kind: 'phone', address: MEMBER.phone },
          { kind: 'email', address: MEMBER.email },
        ],
      },
      { id: null },
    );
    const now = Date.now();
    await this.inbound.save(
      CONVERSATIONS.map(({ minutesAgo, contact }, i) => {
        const receivedAt = new Date(now - minutesAgo * 60_000);
        const externalId = `demo-${i + 1}`;
        const payload: InboundContact = { ...contact, externalId, receivedAt: receivedAt.toISOString(), attachments: [], threadHints: {} };
        return this.inbound.create({ channel: contact.channel, externalId, payload, status: 'received', receivedAt });
      }),
    );
    this.logger.log(
      `Seeded demo data: ${TEAMS.length} teams, ${STAFF.length} staff, 2 categories, 3 routing rules, 1 member, ${CONVERSATIONS.length} messages for the worker`,
    );
    return { created: true, accounts };
  }
}
