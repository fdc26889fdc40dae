import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

/** The shared ticket queue. A placeholder until the tickets api is published. */
export function QueuePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageTitle>{t('queue.title')}</PageTitle>
      <Paper withBorder p="xl" radius="md">
        <Stack gap="xs" align="center" ta="center">
          <Text fw={600} size="lg">
            {t('queue.empty')}
          </Text>
          <Text c="dimmed" maw={520}>
            {t('queue.comingSoon')}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
