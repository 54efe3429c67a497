import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { MAX_PHOTO_BYTES, MAX_RECORD_PHOTOS, PHOTO_TYPES } from '../../../../../shared/meetings/record-schemas';
import { type PhotoSource, photoTypeOf, uploadMeetingPhoto } from '../../../api/meeting-admin';
import { errorMessage } from '../../../lib/errors';

/** One photo of the record: already saved (key + GET URL), or picked on this phone and uploading. */
export interface PhotoItem {
  readonly id: string;
  /** Set once uploaded (or when it came with the record). */
  readonly key?: string;
  /** What to show: the presigned GET URL, or the local preview. */
  readonly url: string;
  readonly state: 'uploading' | 'done' | 'failed';
  /** 0…1 while uploading. */
  readonly progress: number;
  readonly error?: string;
  readonly source?: PhotoSource;
}

let sequence = 0;
const localId = () => `p${Date.now().toString(36)}${(sequence++).toString(36)}`;

/** The first reason a picked file cannot be a meeting photo, checked on the phone before anything is sent. */
function refusalOf(source: PhotoSource): string | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(source.contentType)) return '只能上传 JPG、PNG 或 WebP 格式的图片';
  if (source.size > MAX_PHOTO_BYTES) return '照片不能超过 5 MB，请压缩后重新上传';
  return null;
}

/**
 * The record's photos: up to 9, each uploaded straight to object storage as soon as it is picked, with its
 * progress and its own error (a failed one can be retried or removed; the others carry on).
 */
export function usePhotos() {
  const [photos, setPhotos] = useState<PhotoItem[]>([]);
  const latest = useRef(photos);
  latest.current = photos;

  const patch = (id: string, change: Partial<PhotoItem>) =>
    setPhotos((list) => list.map((photo) => (photo.id === id ? { ...photo, ...change } : photo)));

  async function upload(id: string, source: PhotoSource) {
    const refusal = refusalOf(source);
    if (refusal) return patch(id, { state: 'failed', error: refusal, progress: 0 });
    patch(id, { state: 'uploading', error: undefined, progress: 0 });
    try {
      const key = await uploadMeetingPhoto(source, (progress) => patch(id, { progress }));
      patch(id, { state: 'done', key, progress: 1 });
    } catch (caught) {
      patch(id, { state: 'failed', error: errorMessage(caught), progress: 0 });
    }
  }

  function add(picked: { source: PhotoSource; preview: string }[]) {
    const room = MAX_RECORD_PHOTOS - latest.current.length;
    const taken = picked.slice(0, Math.max(0, room));
    if (picked.length > taken.length) {
      void Taro.showToast({ title: `最多 ${MAX_RECORD_PHOTOS} 张照片`, icon: 'none' });
    }
    const items = taken.map(({ source, preview }) => ({
      id: localId(),
      url: preview,
      state: 'uploading' as const,
      progress: 0,
      source,
    }));
    setPhotos((list) => [...list, ...items]);
    for (const item of items) void upload(item.id, item.source);
  }

  /** weapp: the album or the camera (compressed: a phone photo is then well under 5 MB). */
  async function chooseOnWeapp() {
    const room = MAX_RECORD_PHOTOS - latest.current.length;
    if (room <= 0) return;
    try {
      const chosen = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      add(
        chosen.tempFiles.map((file) => ({
          source: { path: file.path, size: file.size, contentType: photoTypeOf(file.path) },
          preview: file.path,
        })),
      );
    } catch {
      // cancelled
    }
  }

  /** H5: the files of the page's own file input. */
  function addFiles(files: readonly File[]) {
    add(
      files.map((file) => ({
        source: { file, size: file.size, contentType: file.type || photoTypeOf(file.name) },
        preview: URL.createObjectURL(file),
      })),
    );
  }

  return {
    photos,
    /** The saved record's photos replace the list (their GET URLs are fresh). */
    reset: (saved: readonly { key: string; url: string }[]) =>
      setPhotos(saved.map((photo) => ({ id: photo.key, key: photo.key, url: photo.url, state: 'done', progress: 1 }))),
    remove: (id: string) => setPhotos((list) => list.filter((photo) => photo.id !== id)),
    retry: (photo: PhotoItem) => (photo.source ? void upload(photo.id, photo.source) : undefined),
    chooseOnWeapp,
    addFiles,
  };
}
