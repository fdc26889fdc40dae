import '@mantine/core/styles.css';
import './app/console.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { isRetryable } from './api/api-error';
import { sessionStore } from './api/client';
import { createConsoleRouter } from './app/router';
import { theme } from './app/theme';
import { PreferencesProvider } from './format/preferences';
import { localStorageOrUndefined, readDigits } from './format/preferences-storage';
import { initI18n } from './i18n/i18n';
import { applyDocumentLanguage, directionOf, readLanguage } from './i18n/language';

const storage = localStorageOrUndefined();
const language = readLanguage(storage);
applyDocumentLanguage(document, language);
initI18n(language);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => isRetryable(error) && failures < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});

void sessionStore.resume();

const router = createConsoleRouter();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <DirectionProvider initialDirection={directionOf(language)} detectDirection={false}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <PreferencesProvider initialDigits={readDigits(storage)}>
            <RouterProvider router={router} />
          </PreferencesProvider>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
