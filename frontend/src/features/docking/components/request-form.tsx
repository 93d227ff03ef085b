import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { useSendRequest } from '../api/requests';
import { checkProposedTimes, MAX_PROPOSED_TIMES } from '../utils/proposed-times';

type DateLike = { toDate: () => Date; valueOf: () => number };
type Values = { message: string; times?: (DateLike | null | undefined)[] };

/** Ask to dock on a posting: a message and up to five proposed meeting times (future only). */
export function RequestForm({ postingId, onClose }: { postingId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const send = useSendRequest(postingId);

  const submit = async () => {
    const values = await form.validateFields();
    const times = (values.times ?? []).filter((time): time is DateLike => Boolean(time)).map((time) => time.toDate());
    const checked = checkProposedTimes(times);
    if (checked.problem) {
      form.setFields([{ name: 'times', errors: [t(`docking.request.times.${checked.problem}`)] }]);
      return;
    }
    const created = await send.mutateAsync({ message: values.message, proposed_times: checked.iso });
    void message.success(t('docking.request.sent'));
    onClose();
    void navigate(`/docking/requests/${created.id}`);
  };

  return (
    <Modal
      open
      title={t('docking.request.title')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={send.isPending}
      okText={t('docking.request.send')}
      cancelText={t('docking.common.cancel')}
      okButtonProps={{ 'data-testid': 'send-request' }}
      destroyOnHidden
    >
      {send.error ? <Alert type="error" showIcon message={send.error.message} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ times: [] }}>
        <Form.Item
          name="message"
          label={t('docking.request.message')}
          rules={[{ required: true, whitespace: true, message: t('docking.request.messageRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t('docking.request.messagePlaceholder')} data-testid="request-message" />
        </Form.Item>
        <Typography.Text>{t('docking.request.times.label', { max: MAX_PROPOSED_TIMES })}</Typography.Text>
        <Form.List name="times">
          {(fields, { add, remove }, { errors }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item {...field} rules={[{ required: true, message: t('docking.request.times.pick') }]}>
                    <DatePicker
                      showTime={{ format: 'HH:mm' }}
                      format="YYYY-MM-DD HH:mm"
                      disabledDate={(day) => day.valueOf() < new Date().setHours(0, 0, 0, 0)}
                      aria-label={t('docking.request.times.pick')}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('docking.common.remove')} />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < MAX_PROPOSED_TIMES ? (
                <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} size="small">
                  {t('docking.request.times.add')}
                </Button>
              ) : null}
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
