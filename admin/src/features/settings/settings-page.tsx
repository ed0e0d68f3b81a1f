import { SETTING_KIND_UNITS, type SettingView } from '@zgd/shared-types';
import { Alert, App, Button, Input, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { loadedData, useLoad } from '../../app/use-load';
import { fetchSettings, updateSetting } from './settings-api';

/** 系统设置: thresholds and ratios the city's administrator changes; every change is audited. */
export default function SettingsPage() {
  const { state, reload } = useLoad((signal) => fetchSettings({ signal }), []);
  const settings = loadedData(state);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        系统设置
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        核查、预警、双随机抽查和列严名单使用的阈值与比例。金额以元填写（最多两位小数），比例以百分比填写（0–100）。修改即时生效，每次修改连同原值和新值记入审计日志。
      </Typography.Paragraph>
      {state.kind === 'error' ? (
        <Alert
          type="error"
          showIcon
          message="无法加载系统设置"
          description={errorMessage(state.error)}
        />
      ) : settings === undefined ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Table<SettingView>
          aria-label="系统设置"
          rowKey="key"
          size="middle"
          pagination={false}
          dataSource={settings}
          columns={[
            { title: '类别', dataIndex: 'group', width: 130 },
            {
              title: '设置项',
              key: 'label',
              width: 270,
              render: (_, s) => (
                <Space direction="vertical" size={0}>
                  {s.label}
                  <Typography.Text type="secondary" code>
                    {s.key}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '说明', dataIndex: 'description' },
            {
              title: '当前值',
              key: 'value',
              width: 330,
              render: (_, s) => <ValueCell setting={s} onSaved={reload} />,
            },
            {
              title: '默认值',
              key: 'default',
              width: 130,
              render: (_, s) => `${s.defaultValue} ${SETTING_KIND_UNITS[s.kind]}`,
            },
          ]}
        />
      )}
    </>
  );
}

function ValueCell({ setting, onSaved }: { setting: SettingView; onSaved: () => void }) {
  const { message } = App.useApp();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unit = SETTING_KIND_UNITS[setting.kind];
  const cancel = () => {
    setDraft(null);
    setError(null);
  };
  const save = async () => {
    if (draft === null) return;
    setBusy(true);
    try {
      const saved = await updateSetting(setting.key, draft);
      message.success(`已将“${setting.label}”设为 ${saved.value} ${unit}`);
      cancel();
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (draft === null)
    return (
      <Space wrap>
        {/* A value the server cannot read is shown as stored, without a unit. */}
        <span>{setting.valid ? `${setting.value} ${unit}` : setting.value}</span>
        {!setting.valid && <Tag color="error">无法识别，请更正</Tag>}
        {setting.updatedAt === null && <Tag>默认</Tag>}
        <Button
          size="small"
          aria-label={`修改 ${setting.label}`}
          onClick={() => setDraft(setting.valid ? setting.value : '')}
        >
          修改
        </Button>
      </Space>
    );
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Space>
        <Input
          aria-label={`${setting.label} 新值`}
          value={draft}
          addonAfter={unit}
          status={error ? 'error' : undefined}
          style={{ width: 170 }}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={save}
        />
        <Button size="small" type="primary" loading={busy} onClick={save}>
          保存
        </Button>
        <Button size="small" onClick={cancel}>
          取消
        </Button>
      </Space>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}
