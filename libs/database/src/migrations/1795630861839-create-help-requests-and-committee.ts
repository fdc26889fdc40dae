import type { MigrationInterface, QueryRunner } from 'typeorm';

// The service catalogue as the member support policy describes it (admins change it in the API later).
const DOCUMENTS = {
  nationalId: {
    type: 'national_id_copy',
    labelAr: 'صورة الهوية الوطنية أو الإقامة',
    labelEn: 'National ID or Iqama copy',
    required: true,
    hasExpiry: true,
  },
  familyRecord: { type: 'family_record', labelAr: 'صورة سجل الأسرة', labelEn: 'Family record', required: true, hasExpiry: false },
  incomeProof: {
    type: 'income_proof',
    labelAr: 'إثبات الدخل (تعريف بالراتب أو مشهد الضمان الاجتماعي)',
    labelEn: 'Proof of income (salary certificate or social security statement)',
    required: true,
    hasExpiry: false,
  },
  iban: { type: 'bank_iban_certificate', labelAr: 'شهادة الآيبان البنكي', labelEn: 'Bank IBAN certificate', required: true, hasExpiry: false },
  lease: { type: 'lease_contract', labelAr: 'عقد الإيجار (منصة إيجار)', labelEn: 'Lease contract (Ejar)', required: true, hasExpiry: true },
  medicalReport: { type: 'medical_report', labelAr: 'تقرير طبي حديث', labelEn: 'Recent medical report', required: true, hasExpiry: false },
  costQuote: {
    type: 'cost_quotation',
    labelAr: 'عرض سعر العلاج أو الفاتورة',
    labelEn: 'Treatment quotation or invoice',
    required: true,
    hasExpiry: false,
  },
  enrollment: { type: 'enrollment_certificate', labelAr: 'إثبات القيد الدراسي', labelEn: 'Enrollment certificate', required: true, hasExpiry: false },
  feeInvoice: { type: 'fee_invoice', labelAr: 'فاتورة الرسوم الدراسية', labelEn: 'Tuition fee invoice', required: true, hasExpiry: false },
};

const option = (value: string, labelAr: string, labelEn: string) => ({ value, labelAr, labelEn });
const INCOME = {
  name: 'monthlyIncome',
  type: 'money',
  required: true,
  labelAr: 'إجمالي دخل الأسرة الشهري (ريال)',
  labelEn: 'Total monthly household income (SAR)',
};
const INCOME_SOURCE = {
  name: 'incomeSource',
  type: 'select',
  required: true,
  labelAr: 'مصدر الدخل',
  labelEn: 'Source of income',
  options: [
    option('salary', 'راتب', 'Salary'),
    option('social_security', 'الضمان الاجتماعي', 'Social security'),
    option('retirement', 'معاش تقاعدي', 'Retirement pension'),
    option('private_work', 'عمل حر', 'Own work'),
    option('none', 'لا يوجد دخل', 'No income'),
  ],
};
const DISTRICT = { name: 'district', type: 'text', required: true, labelAr: 'الحي', labelEn: 'District' };

const SERVICE_TYPES = [
  {
    code: 'financial_aid',
    nameAr: 'مساعدة مالية',
    nameEn: 'Financial aid',
    descriptionAr: 'مساعدة مالية مقطوعة أو شهرية للأسر ذات الدخل المحدود.',
    descriptionEn: 'One-off or monthly financial aid for low-income families.',
    days: 14,
    fields: [
      INCOME,
      INCOME_SOURCE,
      {
        name: 'housingType',
        type: 'select',
        required: true,
        labelAr: 'نوع السكن',
        labelEn: 'Housing',
        options: [
          option('rented', 'مستأجر', 'Rented'),
          option('owned', 'ملك', 'Owned'),
          option('family', 'مع الأهل', 'With family'),
          option('other', 'أخرى', 'Other'),
        ],
      },
      { name: 'requestedAmount', type: 'money', required: true, labelAr: 'المبلغ المطلوب (ريال)', labelEn: 'Amount requested (SAR)' },
      { name: 'debts', type: 'money', required: false, labelAr: 'الديون القائمة (ريال)', labelEn: 'Outstanding debts (SAR)' },
    ],
    documents: [DOCUMENTS.nationalId, DOCUMENTS.familyRecord, DOCUMENTS.incomeProof, DOCUMENTS.iban],
  },
  {
    code: 'rent',
    nameAr: 'المساعدة في الإيجار',
    nameEn: 'Rent assistance',
    descriptionAr: 'المساهمة في سداد إيجار السكن للأسر المستأجرة.',
    descriptionEn: 'A contribution to the rent of families who rent their home.',
    days: 21,
    fields: [
      INCOME,
      INCOME_SOURCE,
      { name: 'annualRent', type: 'money', required: true, labelAr: 'قيمة الإيجار السنوي (ريال)', labelEn: 'Annual rent (SAR)' },
      { name: 'leaseEndDate', type: 'date', required: true, labelAr: 'تاريخ انتهاء عقد الإيجار', labelEn: 'Lease end date' },
      { name: 'ejarContractNumber', type: 'text', required: false, labelAr: 'رقم العقد في منصة إيجار', labelEn: 'Ejar contract number' },
    ],
    documents: [DOCUMENTS.nationalId, DOCUMENTS.familyRecord, DOCUMENTS.incomeProof, DOCUMENTS.lease, DOCUMENTS.iban],
  },
  {
    code: 'food_basket',
    nameAr: 'سلة غذائية',
    nameEn: 'Food basket',
    descriptionAr: 'سلة غذائية شهرية للأسر المحتاجة.',
    descriptionEn: 'A monthly food basket for families in need.',
    days: 14,
    fields: [INCOME, INCOME_SOURCE, DISTRICT],
    documents: [DOCUMENTS.nationalId, DOCUMENTS.familyRecord, DOCUMENTS.incomeProof],
  },
  {
    code: 'medical',
    nameAr: 'مساعدة علاجية',
    nameEn: 'Medical assistance',
    descriptionAr: 'المساهمة في تكاليف العلاج أو الأجهزة الطبية غير المشمولة بالتأمين.',
    descriptionEn: 'A contribution to treatment or medical devices not covered by insurance.',
    days: 21,
    fields: [
      INCOME,
      { name: 'condition', type: 'text', required: true, labelAr: 'الحالة الصحية', labelEn: 'Medical condition' },
      { name: 'hospital', type: 'text', required: true, labelAr: 'المستشفى أو المركز الطبي', labelEn: 'Hospital or clinic' },
      { name: 'estimatedCost', type: 'money', required: true, labelAr: 'التكلفة التقديرية (ريال)', labelEn: 'Estimated cost (SAR)' },
      { name: 'insured', type: 'boolean', required: true, labelAr: 'هل لدى المريض تأمين طبي؟', labelEn: 'Does the patient have medical insurance?' },
    ],
    documents: [DOCUMENTS.nationalId, DOCUMENTS.medicalReport, DOCUMENTS.costQuote, DOCUMENTS.incomeProof, { ...DOCUMENTS.iban, required: false }],
  },
  {
    code: 'education',
    nameAr: 'مساعدة تعليمية',
    nameEn: 'Education support',
    descriptionAr: 'المساهمة في الرسوم الدراسية واحتياجات الطلاب.',
    descriptionEn: "A contribution to tuition fees and students' needs.",
    days: 21,
    fields: [
      INCOME,
      { name: 'studentName', type: 'text', required: true, labelAr: 'اسم الطالب', labelEn: "Student's name" },
      { name: 'institution', type: 'text', required: true, labelAr: 'المدرسة أو الجامعة', labelEn: 'School or university' },
      {
        name: 'educationLevel',
        type: 'select',
        required: true,
        labelAr: 'المرحلة الدراسية',
        labelEn: 'Level',
        options: [
          option('school', 'التعليم العام', 'School'),
          option('diploma', 'دبلوم', 'Diploma'),
          option('bachelor', 'بكالوريوس', "Bachelor's"),
          option('other', 'أخرى', 'Other'),
        ],
      },
      { name: 'tuitionFees', type: 'money', required: true, labelAr: 'الرسوم الدراسية (ريال)', labelEn: 'Tuition fees (SAR)' },
    ],
    documents: [DOCUMENTS.nationalId, DOCUMENTS.familyRecord, DOCUMENTS.enrollment, DOCUMENTS.feeInvoice, DOCUMENTS.incomeProof],
  },
  {
    code: 'seasonal_support',
    nameAr: 'الدعم الموسمي (رمضان والعيد)',
    nameEn: 'Seasonal support (Ramadan and Eid)',
    descriptionAr: 'سلال رمضان وكسوة العيد والأضاحي للأسر المسجلة والمحتاجة.',
    descriptionEn: 'Ramadan baskets, Eid clothing and Adha sacrifices for families in need.',
    days: 14,
    fields: [
      INCOME,
      {
        name: 'season',
        type: 'select',
        required: true,
        labelAr: 'الموسم',
        labelEn: 'Season',
        options: [
          option('ramadan', 'سلة رمضان', 'Ramadan basket'),
          option('eid_al_fitr', 'كسوة عيد الفطر', 'Eid al-Fitr clothing'),
          option('eid_al_adha', 'أضحية عيد الأضحى', 'Eid al-Adha sacrifice'),
        ],
      },
      DISTRICT,
    ],
    documents: [DOCUMENTS.nationalId, DOCUMENTS.familyRecord],
  },
];

// Notices to applicants (ar/en). {{…}} are filled by the product; admins may reword them and add whatsappContentSid.
const TEMPLATES: [key: string, language: 'ar' | 'en', body: string][] = [
  [
    'help_request.acknowledgement',
    'ar',
    'استلمنا طلب المساعدة برقم {{ticketNumber}}. بعد اكتمال البيانات والمستندات والتحقق منها وتوقيع الإقرار يُحال الطلب إلى لجنة البحث الاجتماعي، فتدرسه وتجيب عنه في مدة لا تقل عن {{committeeDays}} يوماً. التاريخ المتوقع للرد: {{expectedDate}}. سيتواصل معك موظف علاقات المستفيدين لاستكمال طلبك.',
  ],
  [
    'help_request.acknowledgement',
    'en',
    'We received your application for assistance, number {{ticketNumber}}. Once your data and documents are complete and verified and the declaration is signed, it goes to the social research committee, which studies it and answers in no less than {{committeeDays}} days. Expected answer: {{expectedDate}}. A relationship officer will contact you to complete your application.',
  ],
  [
    'help_request.handoff',
    'ar',
    'السلام عليكم {{name}}، أُحيل طلبك رقم {{ticketNumber}} إلى لجنة البحث الاجتماعي. تدرس اللجنة الطلب وتجيب عنه في مدة لا تقل عن {{committeeDays}} يوماً، والتاريخ المتوقع للرد: {{expectedDate}}.',
  ],
  [
    'help_request.handoff',
    'en',
    'Hello {{name}}, your application {{ticketNumber}} has been handed to the social research committee. The committee studies it and answers in no less than {{committeeDays}} days; expected answer: {{expectedDate}}.',
  ],
  [
    'help_request.handoff_resumed',
    'ar',
    'السلام عليكم {{name}}، استلمت لجنة البحث الاجتماعي المعلومات المطلوبة لطلبك رقم {{ticketNumber}} واستأنفت دراسته. التاريخ المتوقع للرد: {{expectedDate}}.',
  ],
  [
    'help_request.handoff_resumed',
    'en',
    'Hello {{name}}, the social research committee received the information for your application {{ticketNumber}} and resumed its study. Expected answer: {{expectedDate}}.',
  ],
  [
    'help_request.decision_approved',
    'ar',
    'السلام عليكم {{name}}، وافقت لجنة البحث الاجتماعي على طلبك رقم {{ticketNumber}}: {{approved}}. سيتواصل معك موظف الجمعية لترتيب الصرف.',
  ],
  [
    'help_request.decision_approved',
    'en',
    'Hello {{name}}, the social research committee approved your application {{ticketNumber}}: {{approved}}. The association will contact you to arrange it.',
  ],
  [
    'help_request.decision_rejected',
    'ar',
    'السلام عليكم {{name}}، نعتذر، لم توافق لجنة البحث الاجتماعي على طلبك رقم {{ticketNumber}}. السبب: {{reason}}. يمكنك التواصل معنا للاستفسار، أو تقديم طلب جديد إذا تغيّرت ظروفك.',
  ],
  [
    'help_request.decision_rejected',
    'en',
    'Hello {{name}}, we are sorry: the social research committee did not approve your application {{ticketNumber}}. Reason: {{reason}}. You may contact us with questions, or apply again if your circumstances change.',
  ],
  [
    'help_request.decision_more_info',
    'ar',
    'السلام عليكم {{name}}، تحتاج لجنة البحث الاجتماعي إلى معلومات إضافية لدراسة طلبك رقم {{ticketNumber}}: {{infoNeeded}}. سيتواصل معك موظف علاقات المستفيدين، وتتوقف مدة الدراسة حتى استكمالها.',
  ],
  [
    'help_request.decision_more_info',
    'en',
    'Hello {{name}}, the social research committee needs more information to study your application {{ticketNumber}}: {{infoNeeded}}. A relationship officer will contact you; the study time is paused until it is provided.',
  ],
  [
    'help_request.decision_corrected',
    'ar',
    'السلام عليكم {{name}}، صحّحت لجنة البحث الاجتماعي قرارها بشأن طلبك رقم {{ticketNumber}}. القرار بعد التصحيح: {{decision}}.',
  ],
  [
    'help_request.decision_corrected',
    'en',
    'Hello {{name}}, the social research committee corrected its decision on your application {{ticketNumber}}. The corrected decision: {{decision}}.',
  ],
  [
    'help_request.declaration_code',
    'ar',
    'رمز إقرار طلبك {{ticketNumber}}: {{code}} (صالح 10 دقائق). بإدخاله تقرّ بما يلي: {{statement}} لا تشارك الرمز إلا مع موظف الجمعية أثناء توقيع الإقرار.',
  ],
  [
    'help_request.declaration_code',
    'en',
    "Declaration code for your application {{ticketNumber}}: {{code}} (valid for 10 minutes). By entering it you declare: {{statement}} Share it only with the association's officer while signing.",
  ],
];

export class CreateHelpRequestsAndCommittee1795630861839 implements MigrationInterface {
  name = 'CreateHelpRequestsAndCommittee1795630861839';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "beneficiary_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_number" text NOT NULL, "contact_id" uuid NOT NULL, "household" jsonb NOT NULL DEFAULT \'[]\', "first_help_request_id" uuid, "registered_by_id" uuid, "registered_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2908a4b9645e387cab1b17b850b" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_beneficiary_files_file_number" ON "beneficiary_files"  ("file_number") ');
    await q.query('CREATE UNIQUE INDEX "uq_beneficiary_files_contact" ON "beneficiary_files"  ("contact_id") ');
    await q.query(
      'CREATE TABLE "service_types" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name_ar" text NOT NULL, "name_en" text NOT NULL, "description_ar" text, "description_en" text, "fields" jsonb NOT NULL DEFAULT \'[]\', "documents" jsonb NOT NULL DEFAULT \'[]\', "committee_target_days" integer NOT NULL DEFAULT \'14\', "active" boolean NOT NULL DEFAULT true, "sort_order" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_service_types_committee_days" CHECK ("committee_target_days" >= 14), CONSTRAINT "PK_1dc93417a097cdee3491f39d7cc" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_service_types_code" ON "service_types"  ("code") ');
    await q.query(
      'CREATE TABLE "help_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "service_type_id" uuid NOT NULL, "status" text NOT NULL DEFAULT \'intake\', "source" text NOT NULL, "description" text NOT NULL DEFAULT \'\', "household" jsonb NOT NULL DEFAULT \'[]\', "fields" jsonb NOT NULL DEFAULT \'{}\', "data_version" integer NOT NULL DEFAULT \'1\', "beneficiary_file_id" uuid, "submission_key" text, "submission_fingerprint" text, "handoff_round" integer NOT NULL DEFAULT \'0\', "first_handed_off_at" TIMESTAMP(3) WITH TIME ZONE, "handed_off_at" TIMESTAMP(3) WITH TIME ZONE, "committee_due_at" TIMESTAMP(3) WITH TIME ZONE, "clock_paused_at" TIMESTAMP(3) WITH TIME ZONE, "clock_remaining_seconds" integer, "clock_paused_seconds" integer NOT NULL DEFAULT \'0\', "decided_at" TIMESTAMP(3) WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2990700cfcb0ce6fbdd7b3d532f" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_help_requests_ticket" ON "help_requests"  ("ticket_id") ');
    await q.query('CREATE UNIQUE INDEX "uq_help_requests_submission_key" ON "help_requests"  ("submission_key") WHERE submission_key IS NOT NULL');
    await q.query('CREATE INDEX "idx_help_requests_service_type" ON "help_requests"  ("service_type_id", "status") ');
    await q.query('CREATE INDEX "idx_help_requests_contact" ON "help_requests"  ("contact_id", "created_at") ');
    await q.query('CREATE INDEX "idx_help_requests_status_due" ON "help_requests"  ("status", "committee_due_at") ');
    await q.query(
      'CREATE TABLE "committee_board_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "help_request_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "stage" text NOT NULL DEFAULT \'new\', "round" integer NOT NULL DEFAULT \'1\', "placed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "stage_changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "overdue_reminded_round" integer, "overdue_reminded_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_db9ddfa92ccbf2e7d3aae1078f9" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_committee_board_entries_request" ON "committee_board_entries"  ("help_request_id") ');
    await q.query('CREATE INDEX "idx_committee_board_entries_stage" ON "committee_board_entries"  ("stage", "placed_at") ');
    await q.query(
      'CREATE TABLE "committee_decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "help_request_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "outcome" text NOT NULL, "amount_sar" numeric(12,2), "items" jsonb NOT NULL DEFAULT \'[]\', "duration_months" integer, "reason" text, "info_needed" text, "notes" text, "corrects_decision_id" uuid, "round" integer NOT NULL, "decided_by_id" uuid NOT NULL, "decided_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_committee_decisions_more_info" CHECK ("outcome" <> \'more_info\' OR "info_needed" IS NOT NULL), CONSTRAINT "chk_committee_decisions_rejected_reason" CHECK ("outcome" <> \'rejected\' OR "reason" IS NOT NULL), CONSTRAINT "chk_committee_decisions_outcome" CHECK ("outcome" IN (\'approved\', \'rejected\', \'more_info\')), CONSTRAINT "PK_25ab4dcc72695613711e0e8d066" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "uq_committee_decisions_corrects" ON "committee_decisions"  ("corrects_decision_id") WHERE corrects_decision_id IS NOT NULL',
    );
    await q.query('CREATE INDEX "idx_committee_decisions_request" ON "committee_decisions"  ("help_request_id", "decided_at") ');
    await q.query(
      'CREATE TABLE "committee_research_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "help_request_id" uuid NOT NULL, "kind" text NOT NULL, "notes" text NOT NULL, "visit_date" date, "findings" text, "author_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_39d3af266a660b4b24f9cc3e249" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_committee_research_entries_request" ON "committee_research_entries"  ("help_request_id", "created_at") ');
    await q.query(
      'CREATE TABLE "declaration_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "help_request_id" uuid NOT NULL, "code_hash" text NOT NULL, "channel" text NOT NULL DEFAULT \'sms\', "sent_to_masked" text NOT NULL, "data_hash" text NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL DEFAULT \'0\', "max_attempts" integer NOT NULL DEFAULT \'5\', "consumed_at" TIMESTAMP(3) WITH TIME ZONE, "sandbox" boolean NOT NULL DEFAULT false, "requested_by_id" uuid, "requested_ip" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e772d87b574b516cd6f806acb5f" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_declaration_codes_request" ON "declaration_codes"  ("help_request_id", "created_at") ');
    await q.query(
      'CREATE TABLE "help_request_declarations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "help_request_id" uuid NOT NULL, "method" text NOT NULL, "channel" text NOT NULL, "language" text NOT NULL, "declared_json" text NOT NULL, "data_hash" text NOT NULL, "data_version" integer NOT NULL, "declared_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "ip" text, "recorded_by_id" uuid, "code_id" uuid, "attachment_id" uuid, "signed_on" date, "notes" text, "voided_at" TIMESTAMP(3) WITH TIME ZONE, "void_reason" text, CONSTRAINT "PK_c5ce41324e5be78c6a1be9636dc" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_help_request_declarations_request" ON "help_request_declarations"  ("help_request_id", "declared_at") ');
    await q.query(
      'CREATE TABLE "help_request_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "help_request_id" uuid NOT NULL, "attachment_id" uuid NOT NULL, "document_type" text NOT NULL, "expires_on" date, "verification_result" text, "verified_by_id" uuid, "verified_at" TIMESTAMP(3) WITH TIME ZONE, "verification_notes" text, "verified_data_hash" text, "added_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5944672fb7415a230f6586439f0" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_help_request_documents_request" ON "help_request_documents"  ("help_request_id", "created_at") ');
    await q.query(
      'ALTER TABLE "beneficiary_files" ADD CONSTRAINT "FK_fce7d3bf4cce8a09a206c6cd2f4" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "help_requests" ADD CONSTRAINT "FK_910fd6e910493c092edfa1199d2" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "help_requests" ADD CONSTRAINT "FK_e5a1e77c8ba814e9121250e63fe" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "help_requests" ADD CONSTRAINT "FK_910a1a7a54c35569b4f5df28fe5" FOREIGN KEY ("service_type_id") REFERENCES "service_types"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "help_requests" ADD CONSTRAINT "FK_8b7b12e1a017ef21acd72ec6472" FOREIGN KEY ("beneficiary_file_id") REFERENCES "beneficiary_files"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "committee_board_entries" ADD CONSTRAINT "FK_e0755e5a202aaacfebec48a7f12" FOREIGN KEY ("help_request_id") REFERENCES "help_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "committee_decisions" ADD CONSTRAINT "FK_4f68cb4b2d87f5af2fb48178abf" FOREIGN KEY ("help_request_id") REFERENCES "help_requests"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "committee_decisions" ADD CONSTRAINT "FK_2d55e0fb4ef969f5a964935e56c" FOREIGN KEY ("corrects_decision_id") REFERENCES "committee_decisions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "committee_research_entries" ADD CONSTRAINT "FK_6a1223768db358824b6bd8a4b15" FOREIGN KEY ("help_request_id") REFERENCES "help_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "declaration_codes" ADD CONSTRAINT "FK_cb4ad8abd23e08939c91dc7cdac" FOREIGN KEY ("help_request_id") REFERENCES "help_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "help_request_declarations" ADD CONSTRAINT "FK_e9290ac7981cacab7b168a09e67" FOREIGN KEY ("help_request_id") REFERENCES "help_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "help_request_declarations" ADD CONSTRAINT "FK_a92442284e27efeeaf64d18f4a6" FOREIGN KEY ("code_id") REFERENCES "declaration_codes"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "help_request_declarations" ADD CONSTRAINT "FK_b3171ba26753ece611e1fcfb9a3" FOREIGN KEY ("attachment_id") REFERENCES "attachments"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "help_request_documents" ADD CONSTRAINT "FK_83ac79290c37880e58bd40e3644" FOREIGN KEY ("help_request_id") REFERENCES "help_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "help_request_documents" ADD CONSTRAINT "FK_3769fa1c9529d584049c436ae3e" FOREIGN KEY ("attachment_id") REFERENCES "attachments"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    // Beneficiary file numbers (BF-000123): a sequence never hands out one number twice.
    await q.query('CREATE SEQUENCE "beneficiary_file_number_seq" START 1');
    // Decisions are final: a correction is a new row naming the one it corrects.
    await q.query(
      `CREATE FUNCTION committee_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'committee decisions are final: record a correction instead of changing or deleting decision %', OLD.id
           USING ERRCODE = 'restrict_violation';
       END $$`,
    );
    await q.query(
      'CREATE TRIGGER "trg_committee_decisions_append_only" BEFORE UPDATE OR DELETE ON "committee_decisions" FOR EACH ROW EXECUTE FUNCTION committee_decisions_append_only()',
    );
    for (const [i, t] of SERVICE_TYPES.entries()) {
      await q.query(
        'INSERT INTO service_types (code, name_ar, name_en, description_ar, description_en, fields, documents, committee_target_days, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        [t.code, t.nameAr, t.nameEn, t.descriptionAr, t.descriptionEn, JSON.stringify(t.fields), JSON.stringify(t.documents), t.days, (i + 1) * 10],
      );
    }
    for (const [key, language, body] of TEMPLATES) {
      await q.query("INSERT INTO message_templates (key, language, channel, subject, body) VALUES ($1, $2, '', NULL, $3) ON CONFLICT DO NOTHING", [
        key,
        language,
        body,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM message_templates WHERE key LIKE 'help\\_request.%'");
    await q.query('DROP TRIGGER "trg_committee_decisions_append_only" ON "committee_decisions"');
    await q.query('DROP FUNCTION committee_decisions_append_only()');
    await q.query('DROP SEQUENCE "beneficiary_file_number_seq"');
    await q.query('ALTER TABLE "help_request_documents" DROP CONSTRAINT "FK_3769fa1c9529d584049c436ae3e"');
    await q.query('ALTER TABLE "help_request_documents" DROP CONSTRAINT "FK_83ac79290c37880e58bd40e3644"');
    await q.query('ALTER TABLE "help_request_declarations" DROP CONSTRAINT "FK_b3171ba26753ece611e1fcfb9a3"');
    await q.query('ALTER TABLE "help_request_declarations" DROP CONSTRAINT "FK_a92442284e27efeeaf64d18f4a6"');
    await q.query('ALTER TABLE "help_request_declarations" DROP CONSTRAINT "FK_e9290ac7981cacab7b168a09e67"');
    await q.query('ALTER TABLE "declaration_codes" DROP CONSTRAINT "FK_cb4ad8abd23e08939c91dc7cdac"');
    await q.query('ALTER TABLE "committee_research_entries" DROP CONSTRAINT "FK_6a1223768db358824b6bd8a4b15"');
    await q.query('ALTER TABLE "committee_decisions" DROP CONSTRAINT "FK_2d55e0fb4ef969f5a964935e56c"');
    await q.query('ALTER TABLE "committee_decisions" DROP CONSTRAINT "FK_4f68cb4b2d87f5af2fb48178abf"');
    await q.query('ALTER TABLE "committee_board_entries" DROP CONSTRAINT "FK_e0755e5a202aaacfebec48a7f12"');
    await q.query('ALTER TABLE "help_requests" DROP CONSTRAINT "FK_8b7b12e1a017ef21acd72ec6472"');
    await q.query('ALTER TABLE "help_requests" DROP CONSTRAINT "FK_910a1a7a54c35569b4f5df28fe5"');
    await q.query('ALTER TABLE "help_requests" DROP CONSTRAINT "FK_e5a1e77c8ba814e9121250e63fe"');
    await q.query('ALTER TABLE "help_requests" DROP CONSTRAINT "FK_910fd6e910493c092edfa1199d2"');
    await q.query('ALTER TABLE "beneficiary_files" DROP CONSTRAINT "FK_fce7d3bf4cce8a09a206c6cd2f4"');
    await q.query('DROP INDEX "public"."idx_help_request_documents_request"');
    await q.query('DROP TABLE "help_request_documents"');
    await q.query('DROP INDEX "public"."idx_help_request_declarations_request"');
    await q.query('DROP TABLE "help_request_declarations"');
    await q.query('DROP INDEX "public"."idx_declaration_codes_request"');
    await q.query('DROP TABLE "declaration_codes"');
    await q.query('DROP INDEX "public"."idx_committee_research_entries_request"');
    await q.query('DROP TABLE "committee_research_entries"');
    await q.query('DROP INDEX "public"."idx_committee_decisions_request"');
    await q.query('DROP INDEX "public"."uq_committee_decisions_corrects"');
    await q.query('DROP TABLE "committee_decisions"');
    await q.query('DROP INDEX "public"."idx_committee_board_entries_stage"');
    await q.query('DROP INDEX "public"."uq_committee_board_entries_request"');
    await q.query('DROP TABLE "committee_board_entries"');
    await q.query('DROP INDEX "public"."idx_help_requests_status_due"');
    await q.query('DROP INDEX "public"."idx_help_requests_contact"');
    await q.query('DROP INDEX "public"."idx_help_requests_service_type"');
    await q.query('DROP INDEX "public"."uq_help_requests_submission_key"');
    await q.query('DROP INDEX "public"."uq_help_requests_ticket"');
    await q.query('DROP TABLE "help_requests"');
    await q.query('DROP INDEX "public"."uq_service_types_code"');
    await q.query('DROP TABLE "service_types"');
    await q.query('DROP INDEX "public"."uq_beneficiary_files_contact"');
    await q.query('DROP INDEX "public"."uq_beneficiary_files_file_number"');
    await q.query('DROP TABLE "beneficiary_files"');
  }
}
