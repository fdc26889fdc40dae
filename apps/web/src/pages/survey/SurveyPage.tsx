import { Alert, Anchor, Button, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isRetryable } from '../../api/api-error';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { usePreferences, useFormat } from '../../format/preferences';
import { localStorageOrUndefined } from '../../format/preferences-storage';
import { isLanguage, LANGUAGE_STORAGE_KEY } from '../../i18n/language';
import { answerBody, type ClosedSurvey, closedSurveyOf, draftProblems, EMPTY_DRAFT, type SurveyDraft } from './survey-form';
import { ScaleQuestion, YesNoQuestion } from './SurveyQuestion';
import { SurveyLayout } from './SurveyLayout';

/**
 * The satisfaction survey behind a one-time link (`/s/:token`), for the contact, without sign-in.
 * Opening it only reads the survey; nothing is recorded until the explicit submit.
 */
export function SurveyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const survey = useQuery({
    queryKey: ['survey', token],
    queryFn: () => unwrap(api.GET('/api/v1/surveys/{token}', { params: { path: { token } } })),
    retry: (failures, error) => isRetryable(error) && failures < 2,
    staleTime: Infinity,
  });
  useContactLanguage(survey.data?.language);

  let content;
  if (survey.isPending) content = <Loading />;
  else if (survey.isError) {
    const closed = closedSurveyOf(survey.error);
    content = closed ? <ClosedNotice state={closed} /> : <ErrorAlert error={survey.error} onRetry={() => void survey.refetch()} />;
  } else content = <SurveyForm token={token} survey={survey.data} />;

  return <SurveyLayout title={t('survey.pageTitle')}>{content}</SurveyLayout>;
}

type SurveyData = components['schemas']['PublicSurveyResponse'];

function SurveyForm({ token, survey }: { token: string; survey: SurveyData }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormat();
  const [draft, setDraft] = useState<SurveyDraft>(EMPTY_DRAFT);
  const [showProblems, setShowProblems] = useState(false);
  const scoreInput = useRef<HTMLInputElement | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const problems = draftProblems(draft, survey.maxCommentLength);

  const send = useMutation({
    mutationFn: (body: ReturnType<typeof answerBody>) => unwrap(api.POST('/api/v1/surveys/{token}', { params: { path: { token } }, body })),
  });

  useEffect(() => {
    if (send.isSuccess) doneHeading.current?.focus();
  }, [send.isSuccess]);

  if (send.isSuccess) {
    return (
      <div className="survey-card" role="status">
        <Title order={2} size="h3" ref={doneHeading} tabIndex={-1}>
          {t('survey.thanksTitle')}
        </Title>
        <Text mt="xs">{t('survey.thanks')}</Text>
      </div>
    );
  }
  const closed = send.isError ? closedSurveyOf(send.error) : null;
  if (closed) return <ClosedNotice state={closed} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (draft.score === null) {
      scoreInput.current?.focus();
      return;
    }
    if (problems.comment) return;
    send.mutate(answerBody({ ...draft, score: draft.score }));
  };

  const setAnswer = (key: string, value: number | boolean) => setDraft((d) => ({ ...d, answers: { ...d.answers, [key]: value } }));
  const commentLength = draft.comment.trim().length;

  return (
    <form onSubmit={submit} noValidate className="survey-card" aria-labelledby="survey-title">
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2" id="survey-title">
            {t('survey.title')}
          </Title>
          <Text mt="xs">
            <Trans
              i18nKey="survey.intro"
              values={{ number: survey.ticketNumber }}
              components={{ num: <bdi dir="ltr" className="survey-ticket-number" /> }}
            />
          </Text>
        </div>
        <ScaleQuestion
          name="score"
          legend={t('survey.overall')}
          value={draft.score ?? undefined}
          onChange={(score) => setDraft((d) => ({ ...d, score }))}
          required
          error={showProblems && problems.score ? t('survey.scoreRequired') : null}
          firstRef={(el) => {
            scoreInput.current = el;
          }}
        />
        {survey.questions.map((q) =>
          q.kind === 'scale' ? (
            <ScaleQuestion
              key={q.key}
              name={q.key}
              legend={q.label[language]}
              value={numberOr(draft.answers[q.key])}
              onChange={(v) => setAnswer(q.key, v)}
            />
          ) : (
            <YesNoQuestion
              key={q.key}
              name={q.key}
              legend={q.label[language]}
              value={booleanOr(draft.answers[q.key])}
              onChange={(v) => setAnswer(q.key, v)}
            />
          ),
        )}
        <Textarea
          label={t('survey.comment')}
          description={t('survey.commentHint', { max: format.number(survey.maxCommentLength) })}
          value={draft.comment}
          onChange={(e) => {
            const comment = e.currentTarget.value;
            setDraft((d) => ({ ...d, comment }));
          }}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={survey.maxCommentLength}
          error={showProblems && problems.comment ? t('survey.commentTooLong', { max: format.number(survey.maxCommentLength) }) : undefined}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          name="comment"
        />
        <Text size="xs" c="dimmed" aria-live="polite">
          {t('survey.commentCount', { n: format.number(commentLength), max: format.number(survey.maxCommentLength) })}
        </Text>
        {send.isError ? <ErrorAlert error={send.error} title={t('survey.errorTitle')} /> : null}
        <Button type="submit" size="md" loading={send.isPending} fullWidth>
          {send.isPending ? t('survey.submitting') : t('survey.submit')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('survey.privacy')}
        </Text>
        <Text size="sm">
          <Anchor component={Link} to={`/s/${encodeURIComponent(token)}/opt-out`}>
            {t('survey.optOutLink')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}

/** Answered before, expired, or unknown: said plainly, with nothing to fill in. */
export function ClosedNotice({ state }: { state: ClosedSurvey }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const color = state === 'answered' ? 'teal' : state === 'expired' ? 'yellow' : 'red';
  return (
    <Alert color={color} variant="light" role={state === 'unknown' ? 'alert' : 'status'}>
      <Title order={1} size="h3" ref={heading} tabIndex={-1}>
        {t(`survey.${state}Title`)}
      </Title>
      <Text mt="xs">{t(`survey.${state}`)}</Text>
    </Alert>
  );
}

/** The contact's own language applies unless this browser already chose one. */
function useContactLanguage(language: string | undefined) {
  const { language: current, setLanguage } = usePreferences();
  useEffect(() => {
    if (!language || !isLanguage(language) || language === current) return;
    if (localStorageOrUndefined()?.getItem(LANGUAGE_STORAGE_KEY)) return;
    setLanguage(language);
  }, [language, current, setLanguage]);
}

const numberOr = (v: number | boolean | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
const booleanOr = (v: number | boolean | undefined): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
