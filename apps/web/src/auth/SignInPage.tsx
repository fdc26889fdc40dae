import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { api, sessionStore, unwrap } from '../api/client';
import { Loading } from '../components/Loading';
import { ErrorAlert } from '../components/ErrorAlert';
import { usePreferences } from '../format/preferences';
import { isLanguage, LANGUAGE_STORAGE_KEY } from '../i18n/language';
import { localStorageOrUndefined } from '../format/preferences-storage';
import { safeReturnPath } from './return-path';
import { useSession } from './use-session';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const { setLanguage } = usePreferences();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const next = safeReturnPath(params.get('next'));
  const reason = params.get('reason');

  useEffect(() => {
    document.title = `${t('signIn.title')} · ${t('app.name')}`;
  }, [t]);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  if (session.status === 'checking') return <Loading />;
  if (session.status === 'signed-in') return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const issued = await unwrap(api.POST('/api/v1/auth/login', { body: { email: email.trim(), password } }));
      // The staff member's own language applies unless this browser already chose one.
      const stored = localStorageOrUndefined()?.getItem(LANGUAGE_STORAGE_KEY);
      if (!stored && isLanguage(issued.user.preferredLanguage)) setLanguage(issued.user.preferredLanguage);
      sessionStore.signedIn(issued);
    } catch (caught) {
      setError(caught);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const summary =
    error instanceof ApiError && error.status === 401
      ? t('signIn.invalidCredentials')
      : error instanceof ApiError && error.status === 429
        ? t('signIn.tooManyAttempts')
        : null;

  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={error ? 'sign-in-error' : undefined}>
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                {t('signIn.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('app.name')} · {t('signIn.subtitle')}
              </Text>
            </div>
            {reason === 'signed-out' && !error ? (
              <Alert color="teal" variant="light" role="status">
                {t('signIn.signedOut')}
              </Alert>
            ) : null}
            {reason === 'expired' ? (
              <Alert color="blue" variant="light" role="status">
                {t('signIn.sessionExpired')}
              </Alert>
            ) : null}
            {error ? (
              <div id="sign-in-error" ref={errorRef} tabIndex={-1}>
                {summary ? (
                  <Alert color="red" variant="light" title={t('signIn.failed')} role="alert">
                    <Text size="sm">{summary}</Text>
                    <Text size="sm" c="dimmed">
                      {t('errors.apiSays')}{' '}
                      <bdi lang="en" className="api-error-message">
                        {error instanceof Error ? error.message : ''}
                      </bdi>
                    </Text>
                  </Alert>
                ) : (
                  <ErrorAlert error={error} title={t('signIn.failed')} />
                )}
              </div>
            ) : null}
            <TextInput
              label={t('signIn.email')}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              dir="ltr"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              autoFocus
            />
            <PasswordInput
              label={t('signIn.password')}
              name="password"
              autoComplete="current-password"
              dir="ltr"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy} disabled={!email.trim() || !password} fullWidth>
              {busy ? t('signIn.submitting') : t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
