import { Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { QueryState } from '../AdminParts';

/** Which channels send for real and which are in sandbox (recorded, nothing sent): GET /api/v1/system/status. */
export function ChannelsTab() {
  const { t, i18n } = useTranslation();
  const status = useQuery({ queryKey: ['system-status'], queryFn: () => unwrap(api.GET('/api/v1/system/status')) });
  const channels = Object.entries(status.data?.channels ?? {});
  const label = (channel: string) => (i18n.exists(`channel.${channel}`) ? t(`channel.${channel}` as 'channel.sms') : channel);

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('admin.channels.intro')}
      </Text>
      <QueryState query={status} empty={t('admin.channels.empty')} isEmpty={channels.length === 0}>
        <Table striped className="data-table" aria-label={t('admin.tabs.channels')} maw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.channels.channel')}</Table.Th>
              <Table.Th scope="col">{t('admin.channels.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {channels.map(([channel, state]) => (
              <Table.Tr key={channel} data-testid="channel-status" data-channel={channel} data-state={state}>
                <Table.Th scope="row">{label(channel)}</Table.Th>
                <Table.Td>
                  <Badge color={state === 'live' ? 'teal' : 'yellow'} variant="light" tt="none">
                    {state === 'live' ? t('admin.channels.live') : t('admin.channels.sandbox')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </QueryState>
    </Stack>
  );
}
