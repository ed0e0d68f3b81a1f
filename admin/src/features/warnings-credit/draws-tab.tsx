import {
  SHANGHAI_DISTRICTS,
  SPOT_CHECK_OUTCOME_LABELS,
  type DrawView,
  type SpotCheckItemView,
  type SpotCheckOutcome,
} from '@zgd/shared-types';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/api-error';
import { useLoad } from '../../app/use-load';
import { LoadView } from './load-view';
import { createDraw, fetchDraws, recordResult } from './supervision-api';
import { ClassTag } from './supervision-labels';
import { DISTRICT_OPTIONS } from '../../app/district-select';

/** The supply months a violation may name: the 24 up to this one, newest first. */
const monthOptions = () =>
  Array.from({ length: 24 }, (_, i) => dayjs().subtract(i, 'month').format('YYYY-MM')).map((m) => ({
    value: m,
    label: m,
  }));
const OUTCOME_OPTIONS = Object.entries(SPOT_CHECK_OUTCOME_LABELS).map(([value, label]) => ({
  value,
  label,
}));

/** 双随机一公开: draw (city or district lead), the published lists, and their results. */
export function DrawsTab(props: {
  district?: string;
  ownDistrict: string | null;
  mayDraw: boolean;
}) {
  const { state, reload } = useLoad(
    (signal) => fetchDraws(props.district, { signal }),
    [props.district],
  );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {props.mayDraw && <DrawForm ownDistrict={props.ownDistrict} onDrawn={reload} />}
      <Typography.Text type="secondary">
        抽查名单与检查结果向社会公开（不含信用分类）：
        <Link to="/public/spot-checks" target="_blank">
          查看公示页面
        </Link>
      </Typography.Text>
      <LoadView state={state} what="抽查公示名单">
        {(draws) =>
          draws.length ? (
            draws.map((d) => <DrawCard key={d.id} draw={d} onChange={reload} />)
          ) : (
            <Typography.Text type="secondary">暂无抽查批次</Typography.Text>
          )
        }
      </LoadView>
    </Space>
  );
}

function DrawForm({ ownDistrict, onDrawn }: { ownDistrict: string | null; onDrawn: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ districtCode: string; plannedDate: Dayjs; seed?: number }>();
  const submit = async (v: { districtCode: string; plannedDate: Dayjs; seed?: number }) => {
    setBusy(true);
    try {
      const draw = await createDraw({
        districtCode: ownDistrict ?? v.districtCode,
        plannedDate: v.plannedDate.format('YYYY-MM-DD'),
        seed: v.seed ?? undefined,
      });
      message.success(`已抽取 ${draw.items.length} 家收费主体并公示（随机种子 ${draw.seed}）`);
      form.resetFields();
      onDrawn();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="发起双随机抽查">
      <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 12 }}>
        {ownDistrict === null && (
          <Form.Item
            name="districtCode"
            label="抽查区"
            rules={[{ required: true, message: '请选择区' }]}
          >
            <Select aria-label="抽查区" style={{ width: 140 }} options={DISTRICT_OPTIONS} />
          </Form.Item>
        )}
        <Form.Item
          name="plannedDate"
          label="计划检查日期"
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker aria-label="计划检查日期" placeholder="选择日期" />
        </Form.Item>
        <Form.Item
          name="seed"
          label="随机种子"
          tooltip="留空由系统随机生成；填写已公示的种子可复现抽取结果"
        >
          <InputNumber
            aria-label="随机种子"
            min={0}
            max={4294967295}
            precision={0}
            style={{ width: 160 }}
          />
        </Form.Item>
        {/* No submit button: Enter in a field must not draw and publish by accident. */}
        <Button type="primary" loading={busy} onClick={() => form.submit()}>
          抽取并公示
        </Button>
      </Form>
    </Card>
  );
}

function DrawCard({ draw, onChange }: { draw: DrawView; onChange: () => void }) {
  const district =
    SHANGHAI_DISTRICTS.find((d) => d.code === draw.districtCode)?.name ?? draw.districtCode;
  const pop = draw.population;
  return (
    <Card
      size="small"
      title={`${district} · 计划检查 ${draw.plannedDate}`}
      extra={
        <Typography.Text type="secondary">
          随机种子 {draw.seed} · {draw.algorithm}
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        抽取范围：A 类 {pop.A} 家（{draw.ratios.A}）、B 类 {pop.B} 家（{draw.ratios.B}）、C 类{' '}
        {pop.C} 家（
        {draw.ratios.C}）、D 类 {pop.D} 家（{draw.ratios.D}）；公示于{' '}
        {draw.publishedAt.slice(0, 10)}
      </Typography.Paragraph>
      <Table<SpotCheckItemView>
        aria-label={`抽查名单 ${draw.plannedDate}`}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={draw.items}
        locale={{ emptyText: '本次未抽中收费主体' }}
        columns={[
          { title: '收费主体', key: 'entity', render: (_, i) => i.entityName ?? i.entityId },
          {
            title: '信用分类',
            key: 'class',
            width: 150,
            render: (_, i) => <ClassTag value={i.creditClass} />,
          },
          {
            title: '检查人员',
            key: 'inspectors',
            render: (_, i) => i.inspectors.map((x) => x.name).join('、'),
          },
          {
            title: '检查结果',
            key: 'result',
            width: 420,
            render: (_, i) =>
              i.outcome ? (
                <Result item={i} />
              ) : (
                <ResultForm drawId={draw.id} item={i} onSaved={onChange} />
              ),
          },
        ]}
      />
    </Card>
  );
}

/** A recorded result; a violation names the case in the district's queue that follows it up. */
function Result({ item }: { item: SpotCheckItemView }) {
  const text = `${SPOT_CHECK_OUTCOME_LABELS[item.outcome!]}${item.note ? `：${item.note}` : ''}`;
  if (!item.case) return text;
  return (
    <Space direction="vertical" size={0}>
      {text}
      <span>
        线索案件：<Link to={`/cases/${item.case.id}`}>{item.case.number}</Link>
      </span>
    </Space>
  );
}

function ResultForm(props: { drawId: string; item: SpotCheckItemView; onSaved: () => void }) {
  const { message } = App.useApp();
  const [outcome, setOutcome] = useState<SpotCheckOutcome>();
  const [months, setMonths] = useState<string[]>([]);
  const save = async () => {
    if (!outcome) return;
    const periods = outcome === 'violation' && months.length ? [...months].sort() : undefined;
    try {
      const draw = await recordResult(props.drawId, props.item.id, { outcome, note: '', periods });
      const saved = draw.items.find((i) => i.id === props.item.id);
      message.success(
        saved?.case ? `检查结果已登记，线索案件 ${saved.case.number}` : '检查结果已登记',
      );
      props.onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space>
      <Select
        aria-label={`${props.item.entityId} 检查结果`}
        placeholder="选择结果"
        style={{ width: 150 }}
        options={OUTCOME_OPTIONS}
        value={outcome}
        onChange={(v) => setOutcome(v as SpotCheckOutcome)}
      />
      {outcome === 'violation' && (
        <Select
          aria-label={`${props.item.entityId} 所涉月份`}
          mode="multiple"
          maxTagCount="responsive"
          placeholder="所涉月份（默认本月）"
          style={{ width: 200 }}
          options={monthOptions()}
          value={months}
          onChange={setMonths}
        />
      )}
      <Button size="small" disabled={!outcome} onClick={save}>
        登记
      </Button>
    </Space>
  );
}
