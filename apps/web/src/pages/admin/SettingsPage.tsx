import { Alert, Stack, Tabs } from '@mantine/core';
import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useCanEdit } from './use-admin-data';

const TABS = ['teams', 'categories', 'routing', 'sla', 'calendars', 'templates', 'channels'] as const;
type Tab = (typeof TABS)[number];

const PANELS: Record<Tab, ComponentType> = {
  teams: lazy(() => import('./teams/TeamsTab').then((m) => ({ default: m.TeamsTab }))),
  categories: lazy(() => import('./teams/CategoriesTab').then((m) => ({ default: m.CategoriesTab }))),
  routing: lazy(() => import('./routing/RoutingTab').then((m) => ({ default: m.RoutingTab }))),
  sla: lazy(() => import('./sla/SlaTab').then((m) => ({ default: m.SlaTab }))),
  calendars: lazy(() => import('./calendars/CalendarsTab').then((m) => ({ default: m.CalendarsTab }))),
  templates: lazy(() => import('./templates/TemplatesTab').then((m) => ({ default: m.TemplatesTab }))),
  channels: lazy(() => import('./channels/ChannelsTab').then((m) => ({ default: m.ChannelsTab }))),
};

/** Settings (admins change them, supervisors read them): one tab per area, the tab in the URL (`/settings/<tab>`). */
export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const rest = useParams()['*'] ?? '';
  const tab = TABS.find((x) => x === rest.split('/')[0]) ?? 'teams';
  const Panel = PANELS[tab];
  return (
    <Stack gap="md">
      <PageTitle>{t('admin.title')}</PageTitle>
      {canEdit ? null : (
        <Alert color="blue" variant="light" role="status">
          {t('admin.readOnly')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(value) => value && void navigate(`/settings/${value}`)} keepMounted={false}>
        <Tabs.List aria-label={t('admin.tabsLabel')}>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`admin.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((x) => (
          <Tabs.Panel key={x} value={x} pt="md">
            {x === tab ? (
              <Suspense fallback={<Loading />}>
                <Panel />
              </Suspense>
            ) : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
