import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReportAnswer } from '@zgd/shared-types';
import { MY_REPORTS_PAGE } from '../../../services/links';

/** The report number, and what happens next. */
export function ReportSuccess({
  answer,
  realName,
  photosLeft,
  uploading,
  onRetryPhotos,
}: {
  answer: ReportAnswer;
  realName: boolean;
  photosLeft: number;
  /** Photos are being uploaded right now. */
  uploading: boolean;
  onRetryPhotos: () => void;
}) {
  return (
    <View className="report-done">
      <Text className="report-done__title">举报已提交</Text>
      <Text className="report-done__label">举报编号</Text>
      <Text className="report-done__number">{answer.caseNumber}</Text>
      {answer.merged && (
        <Text className="report-done__text">
          同一收费主体的同类问题已有案件在办，您的举报已并入该案件。
        </Text>
      )}
      <Text className="report-done__text">
        {answer.filingDue
          ? `市场监管部门应在 ${answer.filingDue} 前决定是否立案。`
          : '市场监管部门将在法定期限内决定是否立案。'}
        {realName ? '结果会告知您。' : '匿名举报不会收到处理结果的告知，可在“我的举报”中查看进度。'}
      </Text>
      {photosLeft > 0 && uploading && (
        <Text className="report-done__uploading">正在上传照片，还剩 {photosLeft} 张…</Text>
      )}
      {photosLeft > 0 && !uploading && (
        <View className="report-done__photos">
          <Text className="report-done__warn">还有 {photosLeft} 张照片未上传成功</Text>
          <Button className="report-done__retry" onClick={onRetryPhotos}>
            重新上传照片
          </Button>
        </View>
      )}
      <Button className="report__submit" onClick={() => Taro.redirectTo({ url: MY_REPORTS_PAGE })}>
        查看我的举报
      </Button>
    </View>
  );
}
