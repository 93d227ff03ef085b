import { Spin } from 'antd';

export function PageSpinner({ tip }: { tip?: string }) {
  return (
    <div style={{ padding: 64, textAlign: 'center' }}>
      <Spin tip={tip} size="large">
        <div style={{ minHeight: 48 }} />
      </Spin>
    </div>
  );
}
