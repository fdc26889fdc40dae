import { Alert, List } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrapIfAvailable } from '../api/client';
import { systemNotice } from './system-status';

/** Sandbox and other system notices; hidden when the api has nothing to say (or no status endpoint yet). */
export function SystemBanner() {
  const { t, i18n } = useTranslation();
  const status = useQuery({
    queryKey: ['system-status'],
    queryFn: () => unwrapIfAvailable(api.GET('/api/v1/system/status')),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const notice = status.data ? systemNotice(status.data) : null;
  if (!notice) return null;
  const channelName = (c: string) => t(`channels.${c}` as 'channels.sms', { defaultValue: c });
  const list = Array.isArray(notice.sandbox)
    ? new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(notice.sandbox.map(channelName))
    : null;
  return (
    <Alert color="yellow" variant="light" title={notice.sandbox ? t('banner.sandboxTitle') : undefined} mb="md" role="status">
      {notice.sandbox ? (list ? t('banner.sandbox', { channels: list }) : t('banner.sandboxAll')) : null}
      {notice.notices.length > 0 ? (
        <List size="sm" mt={notice.sandbox ? 'xs' : 0}>
          {notice.notices.map((n) => (
            <List.Item key={n}>{n}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
