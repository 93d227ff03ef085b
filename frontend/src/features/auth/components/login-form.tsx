import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLogin, type LoginInput } from '../api/login';
import type { User } from '../types';

type LoginFormProps = {
  onSuccess: (user: User) => void;
};

export function LoginForm({ onSuccess }: LoginFormProps) {
  const { t } = useTranslation();
  const login = useLogin();

  const submit = (values: LoginInput) => {
    login.mutate(values, { onSuccess });
  };

  return (
    <Form<LoginInput>
      name="login"
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={submit}
      onValuesChange={() => {
        if (login.isError) login.reset();
      }}
      disabled={login.isPending}
    >
      {login.isError && (
        <Form.Item>
          <Alert
            type="error"
            showIcon
            data-testid="login-error"
            message={login.error.message || t('auth.loginFailed')}
          />
        </Form.Item>
      )}
      <Form.Item
        label={t('auth.username')}
        name="username"
        rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        label={t('auth.password')}
        name="password"
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('auth.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
