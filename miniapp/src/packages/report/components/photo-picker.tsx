import { Image, Text, View } from '@tarojs/components';
import { choosePhotos } from '../../../services/device';

export const MAX_PHOTOS = 6;

/** Photos of bills and receipts, from the camera or the album. */
export function PhotoPicker({
  photos,
  locked,
  onChange,
}: {
  photos: readonly string[];
  locked: boolean;
  onChange: (photos: string[]) => void;
}) {
  const add = async () => {
    const picked = await choosePhotos(MAX_PHOTOS - photos.length);
    if (picked.length) onChange([...photos, ...picked].slice(0, MAX_PHOTOS));
  };
  return (
    <View className="report__card">
      <Text className="report__title">照片证据（选填，最多 {MAX_PHOTOS} 张）</Text>
      <Text className="report__note">可拍摄或从相册选择电费单、收据、缴费记录的照片。</Text>
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
