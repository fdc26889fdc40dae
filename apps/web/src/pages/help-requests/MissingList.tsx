import { Alert, Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../format/preferences';
import type { ChecklistItem, ServiceTypeView } from './help-request-api';
import { stepOf, type WizardStep } from './wizard-steps';

/** What stops the intake (a 422's `missing`, or the checklist), each with a way to the step that fixes it. */
export function MissingList({
  items,
  title,
  serviceType,
  onGoTo,
  color = 'orange',
}: {
  items: readonly ChecklistItem[];
  title: string;
  serviceType: ServiceTypeView | undefined;
  onGoTo?: (step: WizardStep) => void;
  color?: string;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  if (items.length === 0) return null;
  const detail = (item: ChecklistItem): string | null => {
    const doc = item.documentType ? serviceType?.documents.find((d) => d.type === item.documentType) : undefined;
    if (doc) return language === 'ar' ? doc.labelAr : doc.labelEn;
    const name = item.field?.replace(/^fields\./, '');
    const field = name ? serviceType?.fields.find((f) => f.name === name) : undefined;
    if (field) return language === 'ar' ? field.labelAr : field.labelEn;
    if (item.index !== undefined) return t('helpRequests.applicant.member', { n: item.index + 1 });
    return item.documentType ?? null;
  };
  return (
    <Alert color={color} variant="light" title={title} data-testid="missing-list">
      <List size="sm" spacing={4}>
        {items.map((item, i) => {
          const extra = detail(item);
          const step = stepOf(item);
          return (
            <List.Item key={`${item.code}-${item.documentId ?? item.documentType ?? item.field ?? ''}-${i}`} data-code={item.code}>
              <Text span size="sm">
                {t(`helpRequests.codes.${item.code}` as 'helpRequests.codes.document_missing', { defaultValue: item.message })}
                {extra ? (
                  <>
                    {': '}
                    <bdi>{extra}</bdi>
                  </>
                ) : null}
              </Text>
              {onGoTo ? (
                <>
                  {' — '}
                  <Anchor component="button" type="button" size="sm" onClick={() => onGoTo(step)}>
                    {t('helpRequests.checklist.goTo', { step: t(`helpRequests.steps.${step}`) })}
                  </Anchor>
                </>
              ) : null}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
