import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { closedSurveyOf } from './survey-form';
import { ClosedNotice } from './SurveyPage';
import { SurveyLayout } from './SurveyLayout';

/**
 * "Send me no more surveys" (`/s/:token/opt-out`, linked from every invitation). Opening the page
 * changes nothing; the contact confirms with the button.
 */
export function SurveyOptOutPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const done = useRef<HTMLParagraphElement>(null);
  const optOut = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/surveys/{token}/opt-out', { params: { path: { token } } })) });

  useEffect(() => {
    if (optOut.isSuccess) done.current?.focus();
  }, [optOut.isSuccess]);

  const closed = optOut.isError ? closedSurveyOf(optOut.error) : null;
  return (
    <SurveyLayout title={t('survey.optOut.title')}>
      {closed === 'unknown' ? (
        <ClosedNotice state="unknown" />
      ) : (
        <div className="survey-card">
          <Stack gap="md">
            <Title order={1} size="h2">
              {t('survey.optOut.title')}
            </Title>
            {optOut.isSuccess ? (
              <Text ref={done} tabIndex={-1} role="status" fw={600}>
                {t('survey.optOut.done')}
              </Text>
            ) : (
              <>
                <Text>{t('survey.optOut.body')}</Text>
                {optOut.isError ? <ErrorAlert error={optOut.error} /> : null}
                <Button color="red" variant="light" loading={optOut.isPending} onClick={() => optOut.mutate()}>
                  {optOut.isPending ? t('survey.optOut.confirming') : t('survey.optOut.confirm')}
                </Button>
              </>
            )}
            <Text size="sm">
              <Anchor component={Link} to={`/s/${encodeURIComponent(token)}`}>
                {t('survey.optOut.back')}
              </Anchor>
            </Text>
          </Stack>
        </div>
      )}
    </SurveyLayout>
  );
}
