import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An item's name field (required), or with `english` its optional English name, written left to right. */
export function NameInput({
  value,
  onChange,
  error,
  english = false,
  miw,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  english?: boolean;
  miw?: number;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={english ? t('admin.common.nameEn') : t('admin.common.name')}
      required={!english}
      dir={english ? 'ltr' : undefined}
      maxLength={120}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-field={english ? 'nameEn' : 'name'}
      miw={miw}
    />
  );
}
