import {
  shanghaiDistrictName,
  type EntitySearchPage,
  type EntitySearchRow,
} from '@zgd/shared-types';
import { Alert, Button, Card, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/api-error';
import { searchEntities } from '../../api/console-api';
import { useSession } from '../../app/use-session';
import { DistrictSelect } from '../../app/district-select';

const PAGE = 20;

const columns: TableColumnsType<EntitySearchRow> = [
  {
    title: '收费主体',
    dataIndex: 'name',
    render: (name: string, r) => <Link to={`/charging-entities/${r.id}`}>{name}</Link>,
  },
  { title: '统一社会信用代码', dataIndex: 'id', width: 200 },
  {
    title: '所在区',
    dataIndex: 'districtCode',
    width: 100,
    render: (code: string) => shanghaiDistrictName(code) ?? code,
  },
  { title: '地址', dataIndex: 'premisesAddress', ellipsis: true },
  { title: '户号数', dataIndex: 'accountCount', align: 'right', width: 80 },
  { title: '租户数', dataIndex: 'tenantCount', align: 'right', width: 80 },
];

type Search = { q?: string; district?: string };

/** Search by name, 统一社会信用代码 or 户号; pages load on 加载更多 (keyset). */
export default function ChargingEntitiesPage() {
  const session = useSession();
  const city = session?.user.role === 'city_admin';
  const navigate = useNavigate();
  const [search, setSearch] = useState<Search>({});
  const [items, setItems] = useState<EntitySearchRow[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = async (s: Search, after?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page: EntitySearchPage = await searchEntities({ ...s, after, limit: PAGE });
      setItems((current) => (after && current ? [...current, ...page.items] : page.items));
      setNext(page.nextAfter);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  const run = (s: Search) => {
    setSearch(s);
    void load(s);
  };

  // The first page on arrival.
  useEffect(() => void load({}), []);

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        收费主体
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        按名称、统一社会信用代码或电网户号查询转供电收费主体，查看其户号、租户、历次核查结果与案件。
        {!city && '区局人员只能查询本区的收费主体。'}
      </Typography.Paragraph>
      <Card>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap>
            <Input.Search
              aria-label="查询收费主体"
              placeholder="名称、统一社会信用代码或户号"
              allowClear
              enterButton="查询"
              style={{ width: 360 }}
              onSearch={(q) => run({ ...search, q: q.trim() || undefined })}
            />
            {city && (
              <DistrictSelect
                aria-label="所在区"
                onChange={(district?: string) => run({ ...search, district })}
              />
            )}
          </Space>
          {error !== null && (
            <Alert type="error" showIcon message="查询失败" description={errorMessage(error)} />
          )}
          <Table<EntitySearchRow>
            aria-label="收费主体"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items ?? []}
            loading={loading}
            pagination={false}
            onRow={(r) => ({
              onClick: () => navigate(`/charging-entities/${r.id}`),
              style: { cursor: 'pointer' },
            })}
            locale={{ emptyText: '没有符合条件的收费主体' }}
            scroll={{ x: 900 }}
          />
          {next && (
            <Button onClick={() => void load(search, next)} loading={loading}>
              加载更多
            </Button>
          )}
        </Space>
      </Card>
    </>
  );
}
