import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { systemNotice } from './system-status';

/** Which outbound channels are in sandbox (recorded in the system, nothing sent); hidden when all are live. */
export function SystemBanner() {
  const { t, i18n } = useTranslation();
  const status = useQuery({
    queryKey: ['system-status'],
    queryFn: () => unwrap(api.GET('/api/v1/system/status')),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const notice = systemNotice(status.data);
  if (!notice) return null;
  const channelName = (c: string) =>
    t(`banner.channels.${c}` as 'banner.channels.sms', { defaultValue: t(`channels.${c}` as 'channels.sms', { defaultValue: c }) });
  const list = notice.sandbox === 'all' ? null : new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(notice.sandbox.map(channelName));
  return (
    <Alert color="yellow" variant="light" title={t('banner.sandboxTitle')} mb="md" role="status" data-testid="sandbox-banner">
      {list ? t('banner.sandbox', { channels: list }) : t('banner.sandboxAll')}
    </Alert>
  );
}
