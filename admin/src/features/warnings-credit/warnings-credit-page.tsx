import { Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../app/use-session';
import { CreditClassesTab } from './credit-classes-tab';
import { DrawsTab } from './draws-tab';
import { SeriousListTab } from './serious-list-tab';
import { WarningLevelsTab } from './warning-levels-tab';
import { DistrictSelect } from '../../app/district-select';

/** 预警与信用: warning levels, credit classes, 双随机 draws and the 列严 list. */
export default function WarningsCreditPage() {
  const session = useSession();
  const role = session?.user.role;
  const isCity = role === 'city_admin';
  const [district, setDistrict] = useState<string>();
  const lead = isCity || role === 'district_lead';
  const shown = isCity ? district : undefined;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          预警与信用
        </Typography.Title>
        {isCity && <DistrictSelect value={district} onChange={setDistrict} />}
      </Space>
      <Typography.Paragraph type="secondary">
        每次收费核查完成后，平台按各收费主体每个供电月份的核查结果给出红、黄、绿预警；红色预警自动生成线索进入所在区的案件队列（已有在办案件的不重复生成）。信用风险分类依据核查发现、举报、案件及处罚、退款和违法间隔计算，用于确定双随机抽查比例。
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'levels', label: '预警等级', children: <WarningLevelsTab district={shown} /> },
          { key: 'credit', label: '信用分类', children: <CreditClassesTab district={shown} /> },
          {
            key: 'draws',
            label: '双随机抽查',
            children: (
              <DrawsTab
                district={shown}
                ownDistrict={isCity ? null : (session?.user.districtCode ?? null)}
                mayDraw={lead}
              />
            ),
          },
          {
            key: 'list',
            label: '列严名单',
            children: <SeriousListTab district={shown} mayApprove={lead} />,
          },
        ]}
      />
    </>
  );
}
