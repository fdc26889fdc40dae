import { Button, Group, NativeSelect, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { CHANNELS, type MessageTemplateView } from '../../../api/views';
import { usePreferences } from '../../../format/preferences';
import { adminKeys } from '../admin-api';
import { EditDialog, focusFirstError, FormButtons, QueryState, SavedNotice } from '../AdminParts';
import { useCanEdit } from '../use-admin-data';
import {
  groupTemplates,
  missingVariables,
  templateBody,
  type TemplateFormErrors,
  templateChannel,
  type TemplateFormValues,
  templateVariables,
  validateTemplateForm,
} from './template-groups';

type Editing = { values: TemplateFormValues; isNew: boolean; other: string | null };

/** Message templates: each automatic message's Arabic and English text side by side; admins edit either. */
export function TemplatesTab() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const templates = useQuery({ queryKey: adminKeys.templates, queryFn: () => unwrap(api.GET('/api/v1/templates')) });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const groups = groupTemplates(templates.data ?? []);
  const channelName = (channel: string) => (channel ? t(`channel.${channel as 'sms'}`) : t('admin.templates.anyChannel'));
  const languageName = (language: 'ar' | 'en') => t(`languages.${language}`);

  const edit = (key: string, channel: string, language: 'ar' | 'en', row: MessageTemplateView | null, other: MessageTemplateView | null) =>
    setEditing({
      isNew: false,
      other: other?.body ?? null,
      values: {
        key,
        channel: templateChannel(channel),
        language,
        subject: row?.subject ?? other?.subject ?? '',
        body: row?.body ?? '',
        whatsappContentSid: row?.whatsappContentSid ?? '',
      },
    });

  const textCell = (key: string, channel: string, language: 'ar' | 'en', row: MessageTemplateView | null, other: MessageTemplateView | null) => (
    <Table.Td
      className="wrap-anywhere"
      maw={360}
      data-testid="template-text"
      data-language={language}
      dir={language === 'ar' ? 'rtl' : 'ltr'}
      lang={language}
    >
      <Stack gap={4}>
        {row ? (
          <>
            {row.subject ? (
              <Text size="sm" fw={600}>
                {row.subject}
              </Text>
            ) : null}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {row.body}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('admin.templates.noText')}
          </Text>
        )}
        {canEdit ? (
          <div>
            <Button size="compact-xs" variant="subtle" onClick={() => edit(key, channel, language, row, other)}>
              <span aria-hidden="true">{row ? t('admin.common.edit') : t('admin.templates.create')}</span>
              <span className="visually-hidden">
                {t(row ? 'admin.templates.editLanguage' : 'admin.templates.addLanguage', { language: languageName(language), key })}
              </span>
            </Button>
          </div>
        ) : null}
      </Stack>
    </Table.Td>
  );

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('admin.templates.intro')}
      </Text>
      {canEdit ? (
        <Group justify="flex-end">
          <Button
            onClick={() =>
              setEditing({
                isNew: true,
                other: null,
                values: { key: '', channel: '', language: 'ar', subject: '', body: '', whatsappContentSid: '' },
              })
            }
          >
            {t('admin.templates.create')}
          </Button>
        </Group>
      ) : null}
      <SavedNotice message={notice} onClose={() => setNotice(null)} />
      <QueryState query={templates} empty={t('admin.templates.empty')} isEmpty={groups.length === 0}>
        <Table.ScrollContainer minWidth={880}>
          <Table striped className="data-table" aria-label={t('admin.tabs.templates')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.templates.key')}</Table.Th>
                <Table.Th scope="col">{t('admin.templates.channel')}</Table.Th>
                <Table.Th scope="col">{languageName('ar')}</Table.Th>
                <Table.Th scope="col">{languageName('en')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((g) => (
                <Table.Tr key={`${g.key}-${g.channel}`} data-testid="template-row" data-key={g.key} data-channel={g.channel}>
                  <Table.Th scope="row">
                    <bdi dir="ltr">{g.key}</bdi>
                  </Table.Th>
                  <Table.Td>{channelName(g.channel)}</Table.Td>
                  {textCell(g.key, g.channel, 'ar', g.ar, g.en)}
                  {textCell(g.key, g.channel, 'en', g.en, g.ar)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
      {editing ? (
        <TemplateDialog
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setNotice(t('admin.common.saved', { name: `${saved.key} (${languageName(saved.language)})` }));
            setEditing(null);
          }}
        />
      ) : null}
    </Stack>
  );
}

function TemplateDialog({ editing, onClose, onSaved }: { editing: Editing; onClose: () => void; onSaved: (v: TemplateFormValues) => void }) {
  const { t } = useTranslation();
  const { language: uiLanguage } = usePreferences();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<TemplateFormValues>(editing.values);
  const [errors, setErrors] = useState<TemplateFormErrors>({});
  const update = (patch: Partial<TemplateFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof templateBody>) => unwrap(api.PUT('/api/v1/templates', { body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.templates });
      onSaved(values);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateTemplateForm(values);
    setErrors(found);
    if (Object.keys(found).length) return focusFirstError(found);
    save.mutate(templateBody(values));
  };
  const err = (field: keyof TemplateFormErrors) => (errors[field] ? t(`admin.validation.${errors[field]}` as 'admin.validation.body') : undefined);
  const sep = uiLanguage === 'ar' ? '، ' : ', ';
  const used = templateVariables(values.body);
  const missing = missingVariables(values.body, editing.other);

  return (
    <EditDialog
      title={editing.isNew ? t('admin.templates.createTitle') : t('admin.templates.editTitle', { language: t(`languages.${values.language}`) })}
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {editing.isNew ? (
            <>
              <TextInput
                label={t('admin.templates.key')}
                required
                dir="ltr"
                value={values.key}
                onChange={(e) => update({ key: e.currentTarget.value.trim() })}
                error={err('key')}
                data-field="key"
              />
              <Group grow>
                <NativeSelect
                  label={t('admin.templates.language')}
                  value={values.language}
                  onChange={(e) => update({ language: e.currentTarget.value === 'en' ? 'en' : 'ar' })}
                  data={[
                    { value: 'ar', label: t('languages.ar') },
                    { value: 'en', label: t('languages.en') },
                  ]}
                />
                <NativeSelect
                  label={t('admin.templates.channel')}
                  value={values.channel}
                  onChange={(e) => update({ channel: templateChannel(e.currentTarget.value) })}
                  data={[{ value: '', label: t('admin.templates.anyChannel') }, ...CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))]}
                />
              </Group>
            </>
          ) : (
            <Text size="sm">
              <bdi dir="ltr">{values.key}</bdi> · {values.channel ? t(`channel.${values.channel}`) : t('admin.templates.anyChannel')}
            </Text>
          )}
          <TextInput
            label={t('admin.templates.subject')}
            maxLength={300}
            dir={values.language === 'ar' ? 'rtl' : 'ltr'}
            value={values.subject}
            onChange={(e) => update({ subject: e.currentTarget.value })}
            error={err('subject')}
            data-field="subject"
          />
          <Textarea
            label={t('admin.templates.body')}
            required
            autosize
            minRows={4}
            maxLength={4000}
            dir={values.language === 'ar' ? 'rtl' : 'ltr'}
            lang={values.language}
            value={values.body}
            onChange={(e) => update({ body: e.currentTarget.value })}
            error={err('body')}
            description={used.length ? t('admin.templates.variables', { list: used.join(sep) }) : undefined}
            data-field="body"
          />
          {missing.length ? (
            <Text size="sm" c="orange" role="status">
              {t('admin.templates.missingVariables', { list: missing.join(sep) })}
            </Text>
          ) : null}
          <TextInput
            label={t('admin.templates.contentSid')}
            description={t('admin.templates.contentSidHint')}
            dir="ltr"
            value={values.whatsappContentSid}
            onChange={(e) => update({ whatsappContentSid: e.currentTarget.value })}
            error={err('whatsappContentSid')}
            data-field="whatsappContentSid"
          />
          <FormButtons submitting={save.isPending} error={save.error} onCancel={onClose} />
        </Stack>
      </form>
    </EditDialog>
  );
}
