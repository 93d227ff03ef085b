import { ExperimentOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import {
  ORGANISATION_FLAGS,
  type Organisation,
  type OrganisationFlag,
  type OrganisationKind,
  type ParkKind,
  type ParkLevel,
} from '../types';

const LEVEL_COLOURS: Record<ParkLevel, string> = {
  national: 'volcano',
  provincial: 'blue',
  municipal: 'default',
};

const PARK_KIND_COLOURS: Record<ParkKind, string> = {
  service: 'cyan',
  manufacturing: 'geekblue',
  enclave: 'purple',
  partner: 'magenta',
  zone: 'gold',
};

const ORGANISATION_KIND_COLOURS: Record<OrganisationKind, string> = {
  university: 'purple',
  lab: 'blue',
  enterprise: 'green',
  incubator: 'orange',
  financier: 'magenta',
};

const FLAG_COLOURS: Record<OrganisationFlag, string> = {
  high_tech: 'blue',
  tech_sme: 'cyan',
  specialised: 'geekblue',
  gazelle: 'green',
  unicorn: 'gold',
  nezha: 'volcano',
  listed: 'red',
};

/** The server's label when it sent one (follows Accept-Language), else ours. */
export function ParkLevelTag({ level, label }: { level: ParkLevel; label?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLOURS[level] ?? 'default'} bordered={false}>
      {t(`network.levels.${level}`, { defaultValue: label ?? level })}
    </Tag>
  );
}

export function ParkKindTag({ kind, label }: { kind: ParkKind; label?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={PARK_KIND_COLOURS[kind] ?? 'default'} bordered={false}>
      {t(`network.parkKinds.${kind}`, { defaultValue: label ?? kind })}
    </Tag>
  );
}

export function OrganisationKindTag({ kind }: { kind: OrganisationKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={ORGANISATION_KIND_COLOURS[kind] ?? 'default'} bordered={false}>
      {t(`network.organisationKinds.${kind}`, { defaultValue: kind })}
    </Tag>
  );
}

export function organisationFlags(organisation: Organisation): OrganisationFlag[] {
  return ORGANISATION_FLAGS.filter((flag) => organisation[`is_${flag}`]);
}

export function OrganisationFlagTags({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const flags = organisationFlags(organisation);
  if (flags.length === 0) return null;
  return (
    <Space size={[0, 4]} wrap>
      {flags.map((flag) => (
        <Tag key={flag} color={FLAG_COLOURS[flag]} data-flag={flag}>
          {t(`network.flags.${flag}`)}
        </Tag>
      ))}
    </Space>
  );
}

/** Generated data is always marked as such, with where it came from on hover. */
export function SyntheticTag({ sourceNote }: { sourceNote?: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={sourceNote || t('network.syntheticHint')}>
      <Tag icon={<ExperimentOutlined />} color="default" data-testid="synthetic-tag">
        {t('network.synthetic')}
      </Tag>
    </Tooltip>
  );
}
