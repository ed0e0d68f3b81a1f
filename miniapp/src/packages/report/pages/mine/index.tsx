import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { BindingView, TenantReportWithRating } from '@zgd/shared-types';
import { useCallback, useState } from 'react';
import { fetchBindings } from '../../../../services/bindings-api';
import { confirmRefund, fetchMyReports, rateHandling } from '../../../../services/reports-api';
import { ReportCard } from '../../components/report-card';
import '../../report.scss';

/** Reports shown at once; more on request, so that a long history stays light. */
export const REPORTS_PER_PAGE = 10;

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; reports: TenantReportWithRating[]; bindings: BindingView[] };

/** 我的举报: each report with its case's due dates, decisions, refund, confirmation and rating. */
export default function MyReportsPage() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [shown, setShown] = useState(REPORTS_PER_PAGE);

  const refresh = useCallback(() => {
    Promise.all([fetchMyReports(), fetchBindings()])
      .then(([reports, bindings]) => setLoad({ state: 'ready', reports, bindings }))
      .catch((e: Error) => setLoad({ state: 'failed', message: e.message }));
  }, []);
  useDidShow(refresh);

  const tell = (title: string) => Taro.showToast({ title, icon: 'none' }).catch(() => undefined);

  const confirm = async (r: TenantReportWithRating) => {
    if (load.state !== 'ready') return;
    // The refund is the firm's bound at the report's premises.
    const firm = load.bindings.find((b) => b.accountNo === r.accountNo)?.tenantId;
    if (!firm) return void tell('请先绑定该户号下的企业');
    const { confirm: yes } = await Taro.showModal({
      title: '确认收到退款',
      content: '确认后案件将进入办结程序。请确认款项已实际到账。',
      confirmText: '已收到',
    });
    if (!yes) return;
    try {
      await confirmRefund(r.caseId, firm);
      await tell('已确认收到退款');
    } catch (e) {
      await tell((e as Error).message);
    }
    refresh();
  };

  const rate = async (r: TenantReportWithRating, stars: number, comment: string) => {
    try {
      await rateHandling(r.reportId, { stars, comment });
      await tell('感谢您的评价');
    } catch (e) {
      await tell((e as Error).message);
    }
    refresh();
  };

  if (load.state !== 'ready') {
    return (
      <View className="report">
        <Text className={`report__placeholder report__placeholder--${load.state}`}>
          {load.state === 'loading' ? '正在加载…' : load.message}
        </Text>
      </View>
    );
  }
  if (load.reports.length === 0) {
    return (
      <View className="report">
        <Text className="report__placeholder">
          还没有举报。在月度核查结果页可以一键举报多收电费。
        </Text>
      </View>
    );
  }
  return (
    <View className="report">
      {load.reports.slice(0, shown).map((r) => (
        <ReportCard key={r.reportId} report={r} onConfirm={confirm} onRate={rate} />
      ))}
      {shown < load.reports.length && (
        <Button className="report__more" onClick={() => setShown(shown + REPORTS_PER_PAGE)}>
          查看更多（还有 {load.reports.length - shown} 件）
        </Button>
      )}
    </View>
  );
}
