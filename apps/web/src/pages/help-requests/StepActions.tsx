import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Back / save-and-continue at the foot of a step. */
export function StepActions({
  onBack,
  saving,
  disabled,
  submitLabel,
}: {
  onBack?: () => void;
  saving: boolean;
  disabled?: boolean;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      {onBack ? (
        <Button variant="default" onClick={onBack}>
          {t('helpRequests.back')}
        </Button>
      ) : (
        <span />
      )}
      <Button type="submit" loading={saving} disabled={disabled}>
        {submitLabel ?? t('helpRequests.save')}
      </Button>
    </Group>
  );
}
