import { Button, Group, Menu, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localStorageOrUndefined } from '../../format/preferences-storage';
import { expandMacro, type Macro, readMacros, writeMacros } from '../../tickets/macros';

/** Canned replies kept per user in this browser: insert one, or manage the list. */
export function MacrosMenu({
  userId,
  values,
  onInsert,
}: {
  userId: string;
  values: { name: string; ticketNumber: string; agent: string };
  onInsert: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [macros, setMacros] = useState<Macro[]>(() => readMacros(localStorageOrUndefined(), userId));
  const [managing, setManaging] = useState(false);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const save = (next: Macro[]) => {
    setMacros(next);
    writeMacros(localStorageOrUndefined(), userId, next);
  };
  return (
    <>
      <Menu withinPortal position="top-start">
        <Menu.Target>
          <Button variant="default" size="compact-sm" data-testid="macros-button">
            {t('ticket.macros.label')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
          {macros.length === 0 ? <Menu.Label>{t('ticket.macros.empty')}</Menu.Label> : null}
          {macros.map((m) => (
            <Menu.Item key={m.id} onClick={() => onInsert(expandMacro(m.body, values))} aria-label={t('ticket.macros.insert', { title: m.title })}>
              <bdi>{m.title}</bdi>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setManaging(true)}>{t('ticket.macros.manage')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={managing} onClose={() => setManaging(false)} title={t('ticket.macros.manage')} size="lg">
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {t('ticket.macros.storedHere')}
          </Text>
          {macros.map((m) => (
            <Group key={m.id} justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={0} miw={0}>
                <Text fw={600} size="sm" className="wrap-anywhere">
                  {m.title}
                </Text>
                <Text size="xs" c="dimmed" className="timeline-body" lineClamp={3}>
                  {m.body}
                </Text>
              </Stack>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => save(macros.filter((x) => x.id !== m.id))}
                aria-label={t('ticket.macros.delete', { title: m.title })}
              >
                ✕
              </Button>
            </Group>
          ))}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!title.trim() || !body.trim()) return;
              save([...macros, { id: `m-${Date.now().toString(36)}`, title: title.trim(), body }]);
              setTitle('');
              setBody('');
            }}
          >
            <Stack gap="xs">
              <Text fw={700} size="sm">
                {t('ticket.macros.add')}
              </Text>
              <TextInput label={t('ticket.macros.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
              <Textarea
                label={t('ticket.macros.body')}
                description={t('ticket.macros.placeholders', { list: '{{name}} {{ticketNumber}} {{agent}}', interpolation: { escapeValue: false } })}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                autosize
                minRows={3}
                required
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setManaging(false)}>
                  {t('ticket.macros.close')}
                </Button>
                <Button type="submit">{t('ticket.macros.save')}</Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      </Modal>
    </>
  );
}
