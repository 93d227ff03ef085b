import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router-dom';

/** Last line of defence: a render error shows this instead of a blank page. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Result
      status="error"
      title={t('errors.unexpected')}
      subTitle={[error instanceof Error ? error.message : '', t('errors.unexpectedHint')].filter(Boolean).join(' ')}
      extra={[
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>,
        <Button key="home" onClick={() => window.location.assign('/')}>
          {t('errors.backHome')}
        </Button>,
      ]}
    />
  );
}
