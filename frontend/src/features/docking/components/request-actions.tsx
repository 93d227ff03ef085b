import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { useMakeProject, useTransitionRequest } from '../api/requests';
import { useDockingViewer } from '../hooks/use-docking-viewer';
import type { DockingRequest, RequestStatus } from '../types';
import { nextStepHint, requestSteps, type RequestStep } from '../utils/request-steps';

/**
 * The buttons that move a request on (accept, decline with a reason, withdraw, in talks,
 * agreed, close), the hint for what comes next, and for an agreed docking the way into a
 * joint-investment project.
 */
export function RequestActions({
  request,
  showThreadLink = true,
  showHint = true,
}: {
  request: DockingRequest;
  showThreadLink?: boolean;
  showHint?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const viewer = useDockingViewer();
  const transition = useTransitionRequest();
  const makeProject = useMakeProject();
  const [asking, setAsking] = useState<RequestStep | null>(null);
  const steps = requestSteps(request, viewer);

  const move = (step: RequestStep, reason = '') =>
    transition.mutateAsync({ id: request.id, status: step.to, reason }).then(
      () => void message.success(t('docking.requests.moved', { status: t(`docking.requests.stepDone.${step.to}`) })),
      (error: Error) => {
        void message.error(error.message);
        throw error;
      },
    );

  const canMakeProject =
    request.status === 'agreed' && !request.project_id && viewer.canWrite && (viewer.isParkStaff || viewer.isSecretariat);

  return (
    <Space direction="vertical" size={6} data-testid={`request-actions-${request.id}`}>
      {showHint ? (
        <Typography.Text type="secondary" data-testid="request-hint">
          {t(`docking.requests.hint.${nextStepHint(request)}` as 'docking.requests.hint.answer')}
        </Typography.Text>
      ) : null}
      <Space wrap>
        {steps.map((step) => (
          <Button
            key={step.to}
            type={step.primary ? 'primary' : 'default'}
            danger={step.to === 'declined'}
            size="small"
            loading={transition.isPending && transition.variables?.status === step.to}
            onClick={() => (step.needsReason || step.to === 'closed' ? setAsking(step) : void move(step).catch(() => undefined))}
            data-testid={`step-${step.to}`}
          >
            {t(`docking.requests.step.${stepLabel(step.to, request.status, request.viewer_side)}` as 'docking.requests.step.accepted')}
          </Button>
        ))}
        {showThreadLink && request.thread_id ? (
          <Link to={`/docking/threads/${request.thread_id}`} data-testid="open-thread">
            <Button size="small">{t('docking.requests.openThread')}</Button>
          </Link>
        ) : null}
        {canMakeProject ? (
          <Button
            size="small"
            type="primary"
            ghost
            loading={makeProject.isPending}
            data-testid="make-project"
            onClick={() =>
              makeProject.mutate(request.id, {
                onSuccess: () => void message.success(t('docking.requests.projectMade')),
                onError: (error) => void message.error(error.message),
              })
            }
          >
            {t('docking.requests.makeProject')}
          </Button>
        ) : null}
        {request.project_id ? (
          <Link to={`/matching/projects/${request.project_id}`} data-testid="project-link">
            {t('docking.requests.viewProject', { id: request.project_id })}
          </Link>
        ) : null}
      </Space>
      {asking ? (
        <ReasonModal
          step={asking}
          pending={transition.isPending}
          onCancel={() => setAsking(null)}
          onConfirm={(reason) => move(asking, reason).then(() => setAsking(null), () => undefined)}
        />
      ) : null}
    </Space>
  );
}

function stepLabel(to: RequestStatus, from: RequestStatus, side: DockingRequest['viewer_side']): string {
  if (to === 'closed') {
    return from === 'requested' && side === 'requester' ? 'withdraw' : 'closed';
  }
  return to;
}

function ReasonModal({
  step,
  pending,
  onCancel,
  onConfirm,
}: {
  step: RequestStep;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t(step.to === 'declined' ? 'docking.requests.declineTitle' : 'docking.requests.closeTitle')}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then((values) => onConfirm(values.reason ?? ''), () => undefined)}
      confirmLoading={pending}
      okText={t('docking.common.confirm')}
      cancelText={t('docking.common.cancel')}
      okButtonProps={{ danger: step.to === 'declined', 'data-testid': 'reason-ok' }}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('docking.requests.reason')}
          rules={step.needsReason ? [{ required: true, whitespace: true, message: t('docking.requests.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={300} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
