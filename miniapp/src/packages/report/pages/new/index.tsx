import { Button, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { DeclarationView, ReportBody, TenantMonthSheet } from '@zgd/shared-types';
import { useEffect, useState } from 'react';
import { askForCaseUpdates, discardPhotos } from '../../../../services/device';
import { fetchMonthSheet, fetchMyMonths } from '../../../../services/months-api';
import { clearDraft, type ReportDraft } from '../../../../services/report-draft';
import { submitReport, uploadPhoto } from '../../../../services/reports-api';
import { IdentityChoice } from '../../components/identity-choice';
import { PhotoPicker } from '../../components/photo-picker';
import {
  DeclarationEvidence,
  MonthChoice,
  ReportEvidence,
  type MonthOption,
} from '../../components/report-evidence';
import { fetchDeclaration } from '../../declaration-api';
import { photosStillThere } from '../../draft-photos';
import { ReportSuccess } from '../../components/report-success';
import { useReportDraft } from '../../use-report-draft';
import '../../report.scss';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | {
      state: 'ready';
      /** Null: the entity never reported the month, which the tenant declared. */
      sheet: TenantMonthSheet | null;
      declaration: DeclarationView | null;
      months: MonthOption[];
    };

/**
 * What the page shows: the month's sheet, unless the report starts from a judged declaration
 * of a month the entity never reported (its sheet does not exist); the declaration beside it.
 */
async function loadEvidence(
  accountNo: string,
  period: string,
  declarationId: string,
): Promise<Load> {
  const declaration = declarationId ? await fetchDeclaration(declarationId) : null;
  if (declaration && (declaration.accountNo !== accountNo || declaration.period !== period))
    return { state: 'failed', message: '申报与举报的户号或月份不一致，请从申报结果页进入' };
  const declaredOnly = declaration?.declared != null && declaration.reported === null;
  const [sheet, all] = await Promise.all([
    declaredOnly ? null : fetchMonthSheet(accountNo, period),
    fetchMyMonths(),
  ]);
  const months: MonthOption[] = all
    .filter(
      (m) => m.accountNo === accountNo && (m.verdict.level !== 'green' || m.period === period),
    )
    .map((m) => ({ period: m.period, level: m.verdict.level }));
  if (declaredOnly && !months.some((m) => m.period === period))
    months.push({ period, level: declaration.declared!.verdict.level });
  months.sort((a, b) => b.period.localeCompare(a.period));
  return { state: 'ready', sheet, declaration, months };
}

/** The body the server gets: the same on every retry, key included. */
export function reportBody(d: ReportDraft): ReportBody {
  const body: ReportBody = {
    idempotencyKey: d.idempotencyKey,
    accountNo: d.accountNo,
    periods: [...d.periods].sort(),
    description: d.description.trim(),
    realName: d.realName,
  };
  if (d.realName && d.reporterName.trim()) body.reporterName = d.reporterName.trim();
  if (d.realName && d.reporterPhone.trim()) body.reporterPhone = d.reporterPhone.trim();
  return body;
}

/**
 * 一键举报 from a red or yellow month, or from the tenant's judged declaration of it (which is
 * all there is of a month the entity never reported): prefilled with the findings; photos, a description,
 * real-name or anonymous. The draft survives closing the app; a flaky network is retried with
 * the same idempotency key, so the report is never filed twice.
 */
export default function NewReportPage() {
  const { params } = useRouter();
  const accountNo = params.accountNo ?? '';
  const period = params.period ?? '';
  const declarationId = params.declaration ?? '';
  const { draft, update, latest } = useReportDraft(accountNo, period);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lostPhotos, setLostPhotos] = useState(0);

  // A photo the draft held only as a blob URL is gone after a reload of the page (H5).
  useEffect(() => {
    const before = latest().photos;
    photosStillThere(before).then((photos) => {
      if (photos.length === before.length) return;
      update({ photos, uploaded: latest().uploaded.filter((p) => photos.includes(p)) });
      setLostPhotos(before.length - photos.length);
    });
    // Once, for the draft as it was stored.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!accountNo || !period) {
      setLoad({ state: 'failed', message: '缺少户号或月份，请从月度核查结果页进入' });
      return;
    }
    let active = true;
    loadEvidence(accountNo, period, declarationId)
      .then((ready) => active && setLoad(ready))
      .catch((e: Error) => active && setLoad({ state: 'failed', message: e.message }));
    return () => {
      active = false;
    };
  }, [accountNo, period, declarationId]);

  /** Uploads the photos not uploaded yet; the draft is forgotten once all are. */
  const uploadLeft = async (reportId: string) => {
    for (const photo of latest().photos.filter((p) => !latest().uploaded.includes(p))) {
      await uploadPhoto(reportId, photo);
      update({ uploaded: [...latest().uploaded, photo] });
    }
    clearDraft(accountNo, period);
    await discardPhotos(latest().photos);
  };

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      let answer = latest().answer;
      if (!answer) {
        await askForCaseUpdates();
        update({ sent: true });
        answer = await submitReport(reportBody(latest()));
        update({ answer });
      }
      await uploadLeft(answer.reportId);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (draft.answer) {
    return (
      <View className="report">
        <ReportSuccess
          answer={draft.answer}
          realName={draft.realName}
          photosLeft={draft.photos.filter((p) => !draft.uploaded.includes(p)).length}
          uploading={busy}
          onRetryPhotos={submit}
        />
        {error && <Text className="report__error">{error}</Text>}
      </View>
    );
  }
  if (load.state !== 'ready') {
    return (
      <View className="report">
        <Text className={`report__placeholder report__placeholder--${load.state}`}>
          {load.state === 'loading' ? '正在加载…' : load.message}
        </Text>
      </View>
    );
  }

  const locked = draft.sent;
  const toggle = (p: string) =>
    update({
      periods: draft.periods.includes(p)
        ? draft.periods.filter((x) => x !== p)
        : [...draft.periods, p],
    });
  return (
    <View className="report">
      {load.sheet && <ReportEvidence sheet={load.sheet} />}
      {load.declaration && (
        <DeclarationEvidence view={load.declaration} alone={load.sheet === null} />
      )}
      <MonthChoice months={load.months} chosen={draft.periods} locked={locked} onToggle={toggle} />
      <PhotoPicker
        photos={draft.photos}
        locked={locked}
        lost={lostPhotos}
        onChange={(photos) => update({ photos })}
      />
      <View className="report__card">
        <Text className="report__title">情况说明（选填）</Text>
        <Textarea
          className="report__text"
          value={draft.description}
          disabled={locked}
          maxlength={2000}
          placeholder="例如：房东按每度 1.2 元收取，另收基本费 480 元/月……"
          onInput={(e) => update({ description: e.detail.value })}
        />
      </View>
      <IdentityChoice draft={draft} locked={locked} onChange={update} />
      {locked && (
        <Text className="report__note report__note--sent">
          上次提交没有完成（可能是网络不稳定）。再次提交会使用同一份内容，不会重复举报。
        </Text>
      )}
      {error && <Text className="report__error">{error}</Text>}
      <Button
        className={`report__submit${busy || draft.periods.length === 0 ? ' report__submit--off' : ''}`}
        disabled={busy || draft.periods.length === 0}
        onClick={submit}
      >
        {busy ? '正在提交…' : locked ? '重新提交' : '提交举报'}
      </Button>
    </View>
  );
}
