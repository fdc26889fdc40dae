import { AppShell, Badge, Burger, Button, Group, NavLink, SegmentedControl, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api, sessionStore } from '../api/client';
import type { SessionUser } from '../api/views';
import { SIGN_IN_PATH } from '../auth/return-path';
import { useSession } from '../auth/use-session';
import { drafts } from '../drafts/draft-store';
import { isDigitStyle } from '../format/digits';
import { usePreferences } from '../format/preferences';
import { otherLanguage } from '../i18n/language';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { AvailabilitySwitch, NotificationsBell } from './HeaderTools';
import { canSee, SCREENS } from './screens';
import { SystemBanner } from './SystemBanner';

/** Header (user, language, digits, sign-out), side navigation, banner area and the current screen. */
export function ConsoleShell() {
  const { t } = useTranslation();
  const session = useSession();
  const [navOpen, nav] = useDisclosure(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After navigating, start reading (and tabbing) from the new page's content; close the mobile menu.
  useEffect(() => {
    nav.close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname]); // only on route changes

  if (session.status !== 'signed-in') return null;
  const { user } = session;
  const screens = SCREENS.filter((s) => s.nav && canSee(s, user.role));

  return (
    <RealtimeProvider>
      <AppShell header={{ height: 64 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="md">
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <AppShell.Header>
          <Group h="100%" px="md" gap="sm" wrap="nowrap" justify="space-between">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger
                opened={navOpen}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpen ? t('header.closeNavigation') : t('header.openNavigation')}
                aria-expanded={navOpen}
                aria-controls="console-navigation"
              />
              <Text fw={700} truncate="end" visibleFrom="xs">
                {t('app.name')}
              </Text>
            </Group>
            <HeaderTools user={user} />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" id="console-navigation" component="nav" aria-label={t('nav.label')}>
          {screens.map((screen) => (
            <NavLink
              key={screen.path}
              component={RouterLink}
              to={`/${screen.path}`}
              label={t(`nav.${screen.nav!}`)}
              active={location.pathname === `/${screen.path}` || location.pathname.startsWith(`/${screen.path}/`)}
            />
          ))}
          {/* On phones the header has no room for it. */}
          <Group hiddenFrom="xs" mt="md" px="sm">
            <DigitsControl />
          </Group>
        </AppShell.Navbar>
        <AppShell.Main id="main" ref={mainRef} tabIndex={-1} style={{ outline: 'none' }}>
          <SystemBanner />
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </RealtimeProvider>
  );
}

function HeaderTools({ user }: { user: SessionUser }) {
  const { name, role } = user;
  const { t } = useTranslation();
  const { language, setLanguage } = usePreferences();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const next = otherLanguage(language);

  const signOut = async () => {
    try {
      await api.POST('/api/v1/auth/logout');
    } catch {
      // signed out locally all the same; the session expires on the server by itself
    }
    drafts.clearAll();
    queryClient.clear();
    sessionStore.signedOut();
    void navigate(`${SIGN_IN_PATH}?reason=signed-out`, { replace: true });
  };

  return (
    <Group gap="xs" wrap="nowrap" miw={0}>
      <NotificationsBell />
      <AvailabilitySwitch user={user} />
      <Group gap={6} wrap="nowrap" className="header-user" title={t('header.signedInAs', { name })}>
        <Text size="sm" fw={600} truncate="end" data-testid="current-user-name">
          <bdi>{name}</bdi>
        </Text>
        <Badge variant="light" size="sm" visibleFrom="md" tt="none" className="no-shrink">
          {t(`roles.${role}` as 'roles.admin', { defaultValue: role })}
        </Badge>
      </Group>
      <DigitsControl visibleFrom="xs" />
      <Button variant="subtle" size="compact-sm" lang={next} onClick={() => setLanguage(next)} title={t('header.switchLanguageLabel')}>
        {t('header.switchLanguage')}
      </Button>
      <Button variant="light" size="compact-sm" onClick={() => void signOut()}>
        {t('header.signOut')}
      </Button>
    </Group>
  );
}

/** Arabic-Indic or Latin digits for numbers and dates. */
function DigitsControl({ visibleFrom }: { visibleFrom?: 'xs' }) {
  const { t } = useTranslation();
  const { digits, setDigits } = usePreferences();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.digits')}
      value={digits}
      onChange={(value) => isDigitStyle(value) && setDigits(value)}
      data={[
        { value: 'arab', label: t('header.digitsArab') },
        { value: 'latn', label: t('header.digitsLatn') },
      ]}
      visibleFrom={visibleFrom}
    />
  );
}
