import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MAX_RECORD_PHOTOS } from '../../../../../shared/meetings/record-schemas';
import type { PhotoItem, usePhotos } from './use-photos';

const IS_H5 = process.env.TARO_ENV === 'h5';

/** The photos three a row: each with its upload progress or error (重试 / 删除), then the add tile. */
export function Photos({ state }: { state: ReturnType<typeof usePhotos> }) {
  const { photos } = state;
  const room = MAX_RECORD_PHOTOS - photos.length;
  const shown = photos.filter((photo) => photo.state === 'done').map((photo) => photo.url);

  const failed = photos.map((photo, i) => ({ photo, n: i + 1 })).filter(({ photo }) => photo.state === 'failed');
  return (
    <>
      <View className="record-photos">
        {photos.map((photo, i) => (
          <PhotoTile key={photo.id} photo={photo} n={i + 1} state={state} shown={shown} />
        ))}
        {room > 0 ? (
          <View
            className="record-photo record-photo-add"
            onClick={IS_H5 ? undefined : () => void state.chooseOnWeapp()}
          >
            <Text className="record-photo-add-plus">＋</Text>
            <Text className="record-photo-add-text">添加照片</Text>
            {IS_H5 ? (
              <input
                className="record-photo-input"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                multiple
                onChange={(event) => {
                  const files = [...(event.currentTarget.files ?? [])];
                  event.currentTarget.value = '';
                  if (files.length) state.addFiles(files);
                }}
              />
            ) : null}
          </View>
        ) : null}
      </View>
      {failed.map(({ photo, n }) => (
        <Text key={photo.id} className="record-photo-message">
          第 {n} 张：{photo.error ?? '上传失败'}
        </Text>
      ))}
    </>
  );
}

function PhotoTile(props: { photo: PhotoItem; n: number; state: ReturnType<typeof usePhotos>; shown: string[] }) {
  const { photo, n, state, shown } = props;
  const preview = () => {
    if (photo.state === 'done') void Taro.previewImage({ current: photo.url, urls: shown });
  };
  return (
    <View className={`record-photo record-photo--${photo.state}`}>
      <Image className="record-photo-image" src={photo.url} mode="aspectFill" onClick={preview} />
      {photo.state === 'uploading' ? (
        <View className="record-photo-progress">
          <View className="record-photo-bar" style={{ width: `${Math.round(photo.progress * 100)}%` }} />
          <Text className="record-photo-percent">{Math.round(photo.progress * 100)}%</Text>
        </View>
      ) : null}
      {photo.state === 'failed' ? (
        <View className="record-photo-failed">
          <Text className="record-photo-error">上传失败</Text>
          {photo.source ? (
            <View className="record-photo-retry" onClick={() => state.retry(photo)}>
              重试
            </View>
          ) : null}
        </View>
      ) : null}
      <View className="record-photo-remove" aria-label={`删除第 ${n} 张照片`} onClick={() => state.remove(photo.id)}>
        <Text className="record-photo-remove-mark">×</Text>
      </View>
    </View>
  );
}
