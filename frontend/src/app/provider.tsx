import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';

import { i18n } from '@/i18n/i18n';
import { createQueryClient } from '@/lib/query-client';

import { theme } from './theme';

function LocalisedAntd({ children, queryClient }: { children: ReactNode; queryClient: QueryClient }) {
  const { i18n: current } = useTranslation();
  const language = current.language;

  useEffect(() => {
    const onChange = () => {
      // Server texts (error messages, labels) follow Accept-Language: fetch them again.
      void queryClient.invalidateQueries();
    };
    current.on('languageChanged', onChange);
    return () => current.off('languageChanged', onChange);
  }, [current, queryClient]);

  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProvider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <LocalisedAntd queryClient={client}>{children}</LocalisedAntd>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
