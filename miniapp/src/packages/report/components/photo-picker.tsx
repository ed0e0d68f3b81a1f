import { Image, Text, View } from '@tarojs/components';
import { choosePhotos } from '../../../services/device';
import { keepForDraft, notKept } from '../draft-photos';

export const MAX_PHOTOS = 6;

/**
 * Photos of bills and receipts, from the camera or the album, kept with the draft (on H5 as
 * data where they fit); `lost` photos of the draft did not survive a reload of the page.
 */
export function PhotoPicker({
  photos,
  locked,
  lost = 0,
  onChange,
}: {
  photos: readonly string[];
  locked: boolean;
  lost?: number;
  onChange: (photos: string[]) => void;
}) {
  const add = async () => {
    const picked = await choosePhotos(MAX_PHOTOS - photos.length);
    if (!picked.length) return;
    onChange([...photos, ...(await keepForDraft(picked, photos))].slice(0, MAX_PHOTOS));
  };
  const unkept = notKept(photos);
  return (
    <View className="report__card">
      <Text className="report__title">照片证据（选填，最多 {MAX_PHOTOS} 张）</Text>
      <Text className="report__note">可拍摄或从相册选择电费单、收据、缴费记录的照片。</Text>
      {lost > 0 && (
        <Text className="report__note report__note--warn">
          有 {lost} 张照片未能随草稿保存（照片过大），请重新选择。
        </Text>
      )}
      {unkept > 0 && (
        <Text className="report__note report__note--warn">
          有 {unkept} 张照片过大，未能保存到草稿：刷新或关闭页面前请先提交。
        </Text>
      )}
      <View className="photos">
        {photos.map((path) => (
          <View key={path} className="photos__item">
            <Image className="photos__image" src={path} mode="aspectFill" />
            {!locked && (
              <Text
                className="photos__remove"
                onClick={() => onChange(photos.filter((p) => p !== path))}
              >
                ×
              </Text>
            )}
          </View>
        ))}
        {!locked && photos.length < MAX_PHOTOS && (
          <View className="photos__add" onClick={add}>
            <Text className="photos__plus">＋</Text>
            <Text className="photos__add-text">拍照或选图</Text>
          </View>
        )}
      </View>
    </View>
  );
}
