import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';

import { useCreateProject, useIndustryOptions, useProjects } from '../api/projects';
import type { Project, ProjectInput, ProjectStatus } from '../types';

/** `canSetWeights`: the secretariat, who gets a link to the matching weights. */
export function ProjectList({ canSetWeights = false }: { canSetWeights?: boolean }) {
  const { t } = useTranslation();
  const { data, isLoading, error } = useProjects();
  const [posting, setPosting] = useState(false);

  return (
    <Card
      title={t('matching.projects')}
      extra={
        <Space>
          {canSetWeights ? (
            <Link to="/matching/weights" data-testid="weights-link">
              {t('matching.weightsPage.title')}
            </Link>
          ) : null}
          <Link to="/matching/split-report">{t('matching.splitReport')}</Link>
          <Button type="primary" onClick={() => setPosting(true)} data-testid="post-project">
            {t('matching.postProject')}
          </Button>
        </Space>
      }
    >
      {error ? <Typography.Text type="danger">{error.message}</Typography.Text> : null}
      <Table<Project>
        rowKey="id"
        loading={isLoading}
        dataSource={data ?? []}
        data-testid="project-table"
        columns={[
          {
            title: t('matching.title'),
            dataIndex: 'title',
            render: (title: string, p) => <Link to={`/matching/projects/${p.id}`}>{title}</Link>,
          },
          { title: t('matching.park'), key: 'park', render: (_: unknown, p) => p.park.name },
          { title: t('matching.industry'), key: 'industry', render: (_: unknown, p) => p.industry.name },
          {
            title: t('matching.status'),
            dataIndex: 'status',
            render: (status: ProjectStatus) => <Tag>{t(`matching.statuses.${status}`)}</Tag>,
          },
        ]}
      />
      {posting ? <PostProjectModal onClose={() => setPosting(false)} /> : null}
    </Card>
  );
}

function PostProjectModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProjectInput>();
  const industries = useIndustryOptions();
  const create = useCreateProject();

  const submit = async () => {
    const values = await form.validateFields();
    const project = await create.mutateAsync(values);
    onClose();
    void navigate(`/matching/projects/${project.id}`);
  };

  return (
    <Modal open title={t('matching.postProject')} onCancel={onClose} onOk={() => void submit()} confirmLoading={create.isPending}>
      {create.error ? <Typography.Text type="danger">{create.error.message}</Typography.Text> : null}
      <Form form={form} layout="vertical" initialValues={{ positioning: 'manufacturing' }}>
        <Form.Item name="title" label={t('matching.title')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="industry" label={t('matching.industry')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={industries.isLoading}
            options={(industries.data?.results ?? []).map((i) => ({ value: i.id, label: i.name }))}
          />
        </Form.Item>
        <Form.Item name="positioning" label={t('matching.positioning')}>
          <Select
            options={[
              { value: 'manufacturing', label: t('matching.manufacturing') },
              { value: 'service', label: t('matching.service') },
            ]}
          />
        </Form.Item>
        <Form.Item name="investment_wan" label={t('matching.investment')}>
          <InputNumber min={0} style={{ width: '100%' }} stringMode />
        </Form.Item>
        <Form.Item name="land_mu" label={t('matching.land')}>
          <InputNumber min={0} style={{ width: '100%' }} stringMode />
        </Form.Item>
        <Form.Item name="space_m2" label={t('matching.space')}>
          <InputNumber min={0} style={{ width: '100%' }} stringMode />
        </Form.Item>
        <Form.Item name="description" label={t('matching.description')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
