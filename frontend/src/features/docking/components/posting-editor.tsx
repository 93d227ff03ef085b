import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { useDockingSettings, useVocabulary } from '../api/admin';
import { useCreatePosting, usePosting, useUpdatePosting } from '../api/postings';
import { useDockingViewer } from '../hooks/use-docking-viewer';
import type { Posting, PostingInput, PostingKind, PostingVisibility } from '../types';
import { CityPicker, IndustriesPicker, OrganisationPicker, ParkPicker } from './pickers';

type DateLike = { toDate: () => Date; valueOf: () => number };

type Values = {
  kind: PostingKind;
  title: string;
  description?: string;
  industries?: number[];
  region?: number | null;
  visibility: PostingVisibility;
  expires_at?: DateLike | null;
  owner_type?: 'park' | 'organisation';
  owner_park?: number | null;
  owner_organisation?: number | null;
};

/** /docking/postings/new and /docking/postings/:id/edit. */
export function PostingEditorPage({ id }: { id?: number }) {
  const posting = usePosting(id ?? 0, id != null);
  if (id == null) {
    return <PostingEditor />;
  }
  if (posting.error) {
    return <Alert type="error" showIcon message={posting.error.message} />;
  }
  return posting.data ? <PostingEditor posting={posting.data} /> : <Card loading />;
}

function PostingEditor({ posting }: { posting?: Posting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const viewer = useDockingViewer();
  const vocabulary = useVocabulary();
  const settings = useDockingSettings();
  const create = useCreatePosting();
  const update = useUpdatePosting(posting?.id ?? 0);
  const [form] = Form.useForm<Values>();
  const ownerType = Form.useWatch('owner_type', form);
  const visibility = Form.useWatch('visibility', form);
  const [pendingAction, setPendingAction] = useState<'draft' | 'submit' | 'save' | null>(null);
  const error = create.error ?? update.error;
  const moderated = settings.data?.moderation_required === true && !viewer.isSecretariat;

  const save = async (action: 'draft' | 'submit' | 'save') => {
    const values = await form.validateFields();
    setPendingAction(action);
    const body: PostingInput = {
      kind: values.kind,
      title: values.title,
      description: values.description ?? '',
      industries: values.industries ?? [],
      region: values.region ?? null,
      visibility: values.visibility,
    };
    try {
      if (posting) {
        const saved = await update.mutateAsync(body);
        void message.success(t('docking.editor.saved'));
        void navigate(`/docking/postings/${saved.id}`);
        return;
      }
      if (values.expires_at) {
        body.expires_at = values.expires_at.toDate().toISOString();
      }
      if (viewer.isSecretariat) {
        if (values.owner_type === 'organisation' && values.owner_organisation) {
          body.owner_organisation = values.owner_organisation;
        } else if (values.owner_park) {
          body.owner_park = values.owner_park;
        }
      }
      body.submit = action === 'submit';
      const saved = await create.mutateAsync(body);
      void message.success(
        action === 'draft'
          ? t('docking.editor.draftSaved')
          : saved.status === 'pending'
            ? t('docking.editor.sentForReview')
            : t('docking.editor.published'),
      );
      void navigate(`/docking/postings/${saved.id}`);
    } finally {
      setPendingAction(null);
    }
  };

  const initial: Partial<Values> = posting
    ? {
        kind: posting.kind,
        title: posting.title,
        description: posting.description,
        industries: posting.industries.map((i) => i.id),
        region: posting.region?.id ?? null,
        visibility: posting.visibility,
      }
    : { visibility: 'public', owner_type: 'park' };

  return (
    <Card title={posting ? t('docking.editor.editTitle') : t('docking.editor.newTitle')} data-testid="posting-editor">
      {moderated ? (
        <Alert
          type="info"
          showIcon
          message={posting?.status === 'published' ? t('docking.editor.moderatedEdit') : t('docking.editor.moderated')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {error ? <Alert type="error" showIcon message={error.message} style={{ marginBottom: 16 }} data-testid="editor-error" /> : null}
      <Form form={form} layout="vertical" initialValues={initial} style={{ maxWidth: 760 }}>
        {viewer.isSecretariat && !posting ? (
          <Form.Item label={t('docking.editor.owner')} required>
            <Space wrap>
              <Form.Item name="owner_type" noStyle>
                <Radio.Group
                  options={[
                    { value: 'park', label: t('docking.editor.ownerPark') },
                    { value: 'organisation', label: t('docking.editor.ownerOrganisation') },
                  ]}
                />
              </Form.Item>
              {ownerType === 'organisation' ? (
                <Form.Item name="owner_organisation" noStyle rules={[{ required: true }]}>
                  <OrganisationPicker placeholder={t('docking.editor.ownerOrganisation')} />
                </Form.Item>
              ) : (
                <Form.Item name="owner_park" noStyle rules={[{ required: true }]}>
                  <ParkPicker placeholder={t('docking.editor.ownerPark')} />
                </Form.Item>
              )}
            </Space>
          </Form.Item>
        ) : null}
        <Form.Item name="kind" label={t('docking.editor.kind')} rules={[{ required: true, message: t('docking.editor.kindRequired') }]}>
          <Select<PostingKind> options={vocabulary.data?.kinds ?? []} loading={vocabulary.isLoading} data-testid="editor-kind" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('docking.editor.title')}
          rules={[{ required: true, whitespace: true, message: t('docking.editor.titleRequired') }]}
        >
          <Input maxLength={200} showCount data-testid="editor-title" />
        </Form.Item>
        <Form.Item name="description" label={t('docking.editor.description')} extra={t('docking.editor.descriptionHint')}>
          <Input.TextArea rows={6} maxLength={10000} showCount data-testid="editor-description" />
        </Form.Item>
        <Form.Item name="industries" label={t('docking.editor.industries')}>
          <IndustriesPicker known={posting?.industries ?? []} />
        </Form.Item>
        <Form.Item name="region" label={t('docking.editor.region')}>
          <CityPicker placeholder={t('docking.editor.regionPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="visibility"
          label={t('docking.editor.visibility')}
          extra={visibility === 'anonymous' ? t('docking.editor.anonymousHint') : visibility === 'alliance' ? t('docking.editor.allianceHint') : undefined}
        >
          <Radio.Group options={vocabulary.data?.visibilities ?? []} data-testid="editor-visibility" />
        </Form.Item>
        {posting ? (
          <Typography.Paragraph type="secondary">{t('docking.editor.expiryByRenew')}</Typography.Paragraph>
        ) : (
          <Form.Item name="expires_at" label={t('docking.editor.expiry')} extra={t('docking.editor.expiryHint')}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={(day) => day.valueOf() < Date.now()}
            />
          </Form.Item>
        )}
        <Space>
          {posting ? (
            <Button type="primary" loading={pendingAction === 'save'} onClick={() => void save('save').catch(() => undefined)} data-testid="editor-save">
              {t('docking.common.save')}
            </Button>
          ) : (
            <>
              <Button type="primary" loading={pendingAction === 'submit'} onClick={() => void save('submit').catch(() => undefined)} data-testid="editor-publish">
                {moderated ? t('docking.editor.sendForReview') : t('docking.editor.publish')}
              </Button>
              <Button loading={pendingAction === 'draft'} onClick={() => void save('draft').catch(() => undefined)} data-testid="editor-draft">
                {t('docking.editor.saveDraft')}
              </Button>
            </>
          )}
          <Button onClick={() => void navigate(-1)}>{t('docking.common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
