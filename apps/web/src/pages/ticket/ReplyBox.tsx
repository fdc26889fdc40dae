import {
  Alert,
  Badge,
  Button,
  CloseButton,
  FileButton,
  Group,
  Menu,
  NativeSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { AttachmentView, MessageView, TicketDetailView } from '../../api/views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCountdown } from '../../components/TicketBadges';
import { useDraft } from '../../drafts/use-draft';
import { useFormat } from '../../format/preferences';
import type { StaffDirectory } from '../../hooks/use-staff';
import { insertMention } from '../../tickets/mentions';
import { countSms, MAX_TEXT_MESSAGE_CHARS } from '../../tickets/sms-segments';
import { canReplyFreely, fillTemplate, templateVariables, WHATSAPP_WINDOW_MS, whatsappWindow } from '../../tickets/whatsapp-window';
import { LetterPreview } from './LetterPreview';
import { MacrosMenu } from './MacrosMenu';

type Kind = 'reply' | 'note';
type Via = 'ticket' | 'sms' | 'email';
type WhatsAppMode = 'free' | 'template' | 'sms';

const TYPING_SIGNAL_MS = 3_000;

interface ReplyBoxProps {
  ticket: TicketDetailView;
  selfId: string;
  selfName: string;
  staff: StaffDirectory;
  now: number;
  /** Someone else typed or replied since the ticket was opened: ask before sending. */
  collision: { typed: string[]; replied: boolean } | null;
  onAcknowledgeCollision: () => void;
  onTyping: () => void;
  onSent: (message: MessageView) => void;
}

/**
 * The reply box knows the ticket's channel: SMS segments, the WhatsApp 24-hour window (approved
 * templates, or SMS instead), e-mail attachments; internal notes with @mentions; canned replies.
 */
export function ReplyBox({ ticket, selfId, selfName, staff, now, collision, onAcknowledgeCollision, onTyping, onSent }: ReplyBoxProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const countdown = useCountdown();
  const [draft, setDraft, draftControls] = useDraft(`ticket:${ticket.id}`, { kind: 'reply' as Kind, reply: '', note: '' });
  const [via, setVia] = useState<Via>('ticket');
  const [waMode, setWaMode] = useState<WhatsAppMode | null>(null);
  const [templateSid, setTemplateSid] = useState<string | null>(null);
  const [variables, setVariables] = useState<Record<string, string>>({});
  const [attachments, setAttachments] = useState<AttachmentView[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [warned, setWarned] = useState(false);
  const [emptyError, setEmptyError] = useState(false);
  const [letterOpen, setLetterOpen] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const lastTyping = useRef(0);

  const kind = draft.kind;
  const text = kind === 'reply' ? draft.reply : draft.note;
  const hasPhone = ticket.contactDetail.identities.some((i) => i.kind === 'phone');
  const hasEmail = ticket.contactDetail.identities.some((i) => i.kind === 'email');
  const effective = via === 'ticket' ? ticket.channel : via;
  const window = whatsappWindow(ticket.messages, now);
  const isWhatsApp = kind === 'reply' && effective === 'whatsapp';
  const mode: WhatsAppMode = isWhatsApp ? (waMode ?? (canReplyFreely(window) ? 'free' : 'template')) : 'free';
  const sendingSms = kind === 'reply' && (effective === 'sms' || (isWhatsApp && mode === 'sms'));
  const replyBlocked =
    ticket.status === 'closed' ? t('ticket.reply.closed') : ticket.status === 'with_committee' ? t('ticket.reply.withCommittee') : null;

  const templates = useQuery({
    queryKey: ['templates'],
    queryFn: () => unwrap(api.GET('/api/v1/templates')),
    staleTime: 5 * 60_000,
    enabled: isWhatsApp,
  });
  const approved = (templates.data ?? []).filter((tpl) => tpl.whatsappContentSid);
  const template = approved.find((tpl) => tpl.whatsappContentSid === templateSid) ?? null;
  const templateKeys = template ? templateVariables(template.body) : [];

  const setText = (value: string) => {
    setEmptyError(false);
    setDraft(kind === 'reply' ? { reply: value } : { note: value });
    if (Date.now() - lastTyping.current > TYPING_SIGNAL_MS) {
      lastTyping.current = Date.now();
      onTyping();
    }
  };

  const upload = useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return unwrap(
        api.POST('/api/v1/tickets/{id}/attachments', {
          params: { path: { id: ticket.id } },
          body: form as unknown as { file: string },
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
    },
    onSuccess: (a) => setAttachments((list) => [...list, a]),
  });

  const send = useMutation({
    mutationFn: () => {
      const templateBody = isWhatsApp && mode === 'template' && template ? fillTemplate(template.body, variables) : null;
      return unwrap(
        api.POST('/api/v1/tickets/{id}/messages', {
          params: { path: { id: ticket.id } },
          body: {
            kind,
            body: templateBody ?? text,
            ...(kind === 'reply' && via !== 'ticket' ? { via } : {}),
            ...(isWhatsApp && mode === 'sms' ? { via: 'sms' as const } : {}),
            ...(templateBody && template?.whatsappContentSid ? { whatsappTemplate: { contentSid: template.whatsappContentSid, variables } } : {}),
            ...(kind === 'reply' && attachments.length ? { attachmentIds: attachments.map((a) => a.id) } : {}),
          },
        }),
      );
    },
    onSuccess: (message) => {
      setDraft(kind === 'reply' ? { reply: '' } : { note: '' });
      draftControls.discard();
      setAttachments([]);
      setVariables({});
      setWarned(false);
      onAcknowledgeCollision();
      setNotice(kind === 'reply' ? t('ticket.reply.sent') : t('ticket.reply.noteAdded'));
      onSent(message);
    },
  });

  // SMS, or WhatsApp free text: Twilio carries at most 1,600 characters.
  const tooLong = kind === 'reply' && (sendingSms || (isWhatsApp && mode !== 'template')) && text.length > MAX_TEXT_MESSAGE_CHARS;

  const submit = (force = false) => {
    setNotice(null);
    const usingTemplate = isWhatsApp && mode === 'template';
    if (usingTemplate ? !template : !text.trim()) {
      setEmptyError(true);
      textRef.current?.focus();
      return;
    }
    if (tooLong) {
      textRef.current?.focus();
      return;
    }
    if (collision && !force) {
      setWarned(true);
      return;
    }
    send.mutate();
  };

  const sms = sendingSms ? countSms(text) : null;
  const viaOptions: { value: Via; label: string }[] = [
    {
      value: 'ticket',
      label: t('ticket.reply.viaTicket', { channel: t(`channel.${ticket.channel}` as 'channel.sms', { defaultValue: ticket.channel }) }),
    },
    ...(ticket.channel !== 'sms' && hasPhone ? [{ value: 'sms' as Via, label: t('ticket.reply.viaSms') }] : []),
    ...(ticket.channel !== 'email' && hasEmail ? [{ value: 'email' as Via, label: t('ticket.reply.viaEmail') }] : []),
  ];
  const label = kind === 'reply' ? t('ticket.reply.replyLabel') : t('ticket.reply.noteLabel');

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('ticket.reply.tabs')} data-testid="reply-box">
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('ticket.reply.tabs')}
          value={kind}
          onChange={(v) => {
            setDraft({ kind: v as Kind });
            setEmptyError(false);
          }}
          data={[
            { value: 'reply', label: t('ticket.reply.reply') },
            { value: 'note', label: t('ticket.reply.note') },
          ]}
        />

        {kind === 'reply' && replyBlocked ? (
          <Alert color="gray" variant="light">
            {replyBlocked}
          </Alert>
        ) : null}

        {kind === 'reply' && !replyBlocked && viaOptions.length > 1 ? (
          <NativeSelect
            label={t('ticket.reply.via')}
            value={via}
            onChange={(e) => setVia(e.currentTarget.value as Via)}
            data={viaOptions}
            maw={360}
          />
        ) : null}

        {isWhatsApp && !replyBlocked ? (
          <Stack gap="xs">
            <Alert
              color={window.state === 'open' ? 'green' : window.state === 'closing' ? 'yellow' : 'orange'}
              variant="light"
              data-testid="whatsapp-window"
              data-window={window.state}
            >
              {window.state === 'open' || window.state === 'closing'
                ? t(`ticket.whatsapp.${window.state}`, { time: countdown(window.remainingMs) })
                : window.state === 'closed'
                  ? t('ticket.whatsapp.closed', { hours: format.number(WHATSAPP_WINDOW_MS / 3600_000) })
                  : t('ticket.whatsapp.never')}
            </Alert>
            <SegmentedControl
              aria-label={t('ticket.whatsapp.mode')}
              value={mode}
              onChange={(v) => setWaMode(v as WhatsAppMode)}
              data={[
                ...(canReplyFreely(window) ? [{ value: 'free', label: t('ticket.whatsapp.freeText') }] : []),
                { value: 'template', label: t('ticket.whatsapp.template') },
                ...(hasPhone ? [{ value: 'sms', label: t('ticket.whatsapp.sms') }] : []),
              ]}
            />
            {mode === 'template' ? (
              approved.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {templates.isPending ? t('app.loading') : t('ticket.whatsapp.noTemplates')}
                </Text>
              ) : (
                <Stack gap="xs">
                  <Select
                    label={t('ticket.whatsapp.chooseTemplate')}
                    data={approved.map((tpl) => ({ value: tpl.whatsappContentSid!, label: `${tpl.key} (${tpl.language})` }))}
                    value={templateSid}
                    onChange={(v) => {
                      setTemplateSid(v);
                      setVariables({});
                      setEmptyError(false);
                    }}
                    error={emptyError && !template ? t('validation.required') : undefined}
                  />
                  {templateKeys.map((key) => (
                    <TextInput
                      key={key}
                      label={t('ticket.whatsapp.variable', { key })}
                      value={variables[key] ?? ''}
                      onChange={(e) => setVariables((v) => ({ ...v, [key]: e.currentTarget.value }))}
                    />
                  ))}
                  {template ? (
                    <Paper withBorder p="xs" bg="gray.0">
                      <Text size="xs" fw={700}>
                        {t('ticket.whatsapp.preview')}
                      </Text>
                      <Text size="sm" className="timeline-body">
                        {fillTemplate(template.body, variables)}
                      </Text>
                    </Paper>
                  ) : null}
                </Stack>
              )
            ) : null}
          </Stack>
        ) : null}

        {!(isWhatsApp && mode === 'template') && !(kind === 'reply' && replyBlocked) ? (
          <>
            <Textarea
              ref={textRef}
              label={label}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={3}
              maxRows={14}
              dir="auto"
              error={
                emptyError
                  ? t('ticket.reply.empty')
                  : tooLong
                    ? t('ticket.reply.tooLong', { chars: format.number(text.length), max: format.number(MAX_TEXT_MESSAGE_CHARS) })
                    : undefined
              }
              data-testid={kind === 'reply' ? 'reply-text' : 'note-text'}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  submit();
                }
              }}
            />
            {sms ? (
              <Text size="xs" c={sms.segments > 3 ? 'orange' : 'dimmed'} data-testid="sms-counter" aria-live="polite">
                {t('ticket.reply.smsCount', {
                  chars: format.number(sms.units),
                  segments: format.number(sms.segments),
                  remaining: format.number(sms.remaining),
                })}
                {' · '}
                {sms.encoding === 'UCS-2'
                  ? t('ticket.reply.smsUnicode', { single: format.number(70), multi: format.number(67) })
                  : t('ticket.reply.smsGsm', { single: format.number(160), multi: format.number(153) })}
              </Text>
            ) : null}
          </>
        ) : null}

        {kind === 'reply' && effective === 'email' && !replyBlocked ? (
          <Group gap="xs" wrap="wrap">
            <FileButton onChange={(file) => file && upload.mutate(file)}>
              {(props) => (
                <Button {...props} variant="default" size="compact-sm" loading={upload.isPending}>
                  {t('ticket.reply.attach')}
                </Button>
              )}
            </FileButton>
            {attachments.map((a) => (
              <Badge
                key={a.id}
                variant="light"
                tt="none"
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={t('ticket.reply.remove', { name: a.filename })}
                    onClick={() => setAttachments((l) => l.filter((x) => x.id !== a.id))}
                  />
                }
              >
                <bdi>{a.filename}</bdi>
              </Badge>
            ))}
          </Group>
        ) : null}
        {upload.isError ? <ErrorAlert error={upload.error} /> : null}

        {warned && collision ? (
          <Alert color="orange" variant="light" title={t('ticket.collision.title')} role="alert" data-testid="collision-warning">
            <Stack gap="xs">
              {collision.typed.length ? <Text size="sm">{t('ticket.collision.typed', { names: collision.typed.join('، ') })}</Text> : null}
              {collision.replied ? <Text size="sm">{t('ticket.collision.replied')}</Text> : null}
              <Group gap="xs">
                <Button size="compact-sm" color="orange" onClick={() => submit(true)} loading={send.isPending}>
                  {t('ticket.collision.confirm')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => {
                    setWarned(false);
                    onAcknowledgeCollision();
                    document.getElementById('timeline-title')?.scrollIntoView({ behavior: 'smooth' });
                  }}
                >
                  {t('ticket.collision.review')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}

        {send.isError ? <ErrorAlert error={send.error} /> : null}
        {notice ? (
          <Text size="sm" c="teal" role="status">
            {notice}
          </Text>
        ) : null}

        {!(kind === 'reply' && replyBlocked) ? (
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="xs">
              {!(isWhatsApp && mode === 'template') ? (
                <MacrosMenu
                  userId={selfId}
                  values={{ name: ticket.contactDetail.name, ticketNumber: ticket.number, agent: selfName }}
                  onInsert={(value) => {
                    const caret = textRef.current?.selectionStart ?? text.length;
                    const before = text.slice(0, caret);
                    const joiner = before && !before.endsWith('\n') ? '\n' : '';
                    setText(`${before}${joiner}${value}${text.slice(caret)}`);
                    requestAnimationFrame(() => textRef.current?.focus());
                  }}
                />
              ) : null}
              {kind === 'reply' && effective === 'letter' ? (
                <Button
                  variant="default"
                  size="compact-sm"
                  disabled={!text.trim()}
                  onClick={() => setLetterOpen(true)}
                  data-testid="letter-preview-open"
                >
                  {t('ticket.letter.preview')}
                </Button>
              ) : null}
              {kind === 'note' ? (
                <Menu withinPortal position="top-start">
                  <Menu.Target>
                    <Button variant="default" size="compact-sm">
                      {t('ticket.reply.mention')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown mah={300} style={{ overflowY: 'auto' }}>
                    <Menu.Label>{t('ticket.reply.mentionPick')}</Menu.Label>
                    {staff.people
                      .filter((p) => p.id !== selfId)
                      .map((p) => (
                        <Menu.Item
                          key={p.id}
                          onClick={() => {
                            const caret = textRef.current?.selectionStart ?? text.length;
                            const next = insertMention(text, caret, p.name);
                            setText(next.text);
                            requestAnimationFrame(() => {
                              textRef.current?.focus();
                              textRef.current?.setSelectionRange(next.caret, next.caret);
                            });
                          }}
                        >
                          <bdi>{p.name}</bdi>
                        </Menu.Item>
                      ))}
                  </Menu.Dropdown>
                </Menu>
              ) : null}
            </Group>
            <Button onClick={() => submit()} loading={send.isPending} color={kind === 'note' ? 'yellow' : undefined} data-testid="send-message">
              {send.isPending
                ? t('ticket.reply.sending')
                : kind === 'note'
                  ? t('ticket.reply.addNote')
                  : isWhatsApp && mode === 'template'
                    ? t('ticket.whatsapp.sendTemplate')
                    : t('ticket.reply.send')}
            </Button>
          </Group>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('ticket.reply.draftKept')}
        </Text>
      </Stack>
      {letterOpen ? <LetterPreview opened onClose={() => setLetterOpen(false)} ticket={ticket} body={text} officerName={selfName} /> : null}
    </Paper>
  );
}
