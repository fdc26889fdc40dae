import { Button, Group, NativeSelect, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { CHANNELS, type MessageTemplateView } from '../../../api/views';
import { usePreferences } from '../../../format/preferences';
import { adminKeys } from '../admin-api';
import { EditDialog, FormButtons } from '../AdminParts';
import { SettingsList, SettingsTable } from '../common/SettingsList';
import { useSettingsEditor } from '../common/use-settings-editor';
import { useSettingsForm } from '../common/use-settings-form';
import { useCanEdit } from '../use-admin-data';
import {
  groupTemplates,
  missingVariables,
  templateBody,
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
  const editor = useSettingsEditor<Editing>();
  const groups = groupTemplates(templates.data ?? []);
  const channelName = (channel: string) => (channel ? t(`channel.${channel as 'sms'}`) : t('admin.templates.anyChannel'));
  const languageName = (language: 'ar' | 'en') => t(`languages.${language}`);

  const edit = (key: string, channel: string, language: 'ar' | 'en', row: MessageTemplateView | null, other: MessageTemplateView | null) =>
    editor.open({
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
    <SettingsList
      intro={t('admin.templates.intro')}
      createLabel={t('admin.templates.create')}
      onCreate={() =>
        editor.open({
          isNew: true,
          other: null,
          values: { key: '', channel: '', language: 'ar', subject: '', body: '', whatsappContentSid: '' },
        })
      }
      editor={editor}
      query={templates}
      empty={t('admin.templates.empty')}
      isEmpty={groups.length === 0}
      dialog={
        editor.item ? (
          <TemplateDialog
            editing={editor.item}
            onClose={editor.close}
            onSaved={(saved) => editor.saved({ name: `${saved.key} (${languageName(saved.language)})` })}
          />
        ) : null
      }
    >
      <SettingsTable
        label={t('admin.tabs.templates')}
        minWidth={880}
        columns={[t('admin.templates.key'), t('admin.templates.channel'), languageName('ar'), languageName('en')]}
        withActions={false}
      >
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
      </SettingsTable>
    </SettingsList>
  );
}

function TemplateDialog({ editing, onClose, onSaved }: { editing: Editing; onClose: () => void; onSaved: (v: TemplateFormValues) => void }) {
  const { t } = useTranslation();
  const { language: uiLanguage } = usePreferences();
  const { values, update, fieldError, save, submit } = useSettingsForm({
    initial: () => editing.values,
    validate: validateTemplateForm,
    toBody: templateBody,
    send: (body) => unwrap(api.PUT('/api/v1/templates', { body })),
    refresh: adminKeys.templates,
    onSaved: (_saved, saved) => onSaved(saved),
  });
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
                error={fieldError('key')}
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
            error={fieldError('subject')}
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
            error={fieldError('body')}
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
            error={fieldError('whatsappContentSid')}
            data-field="whatsappContentSid"
          />
          <FormButtons submitting={save.isPending} error={save.error} onCancel={onClose} />
        </Stack>
      </form>
    </EditDialog>
  );
}
