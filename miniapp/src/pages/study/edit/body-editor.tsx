import { RichText, Text, Textarea, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { markupToHtml } from '../../../../../shared/study/markup';
import { isHttpsUrl, MAX_BODY_CHARS } from '../../../../../shared/study/rich-text';
import { ActionButton } from '../../../components/action-button';
import { TextField } from '../../../components/text-field';

/**
 * 正文: a plain textarea with a toolbar that writes the markup (shared/study/markup.ts) at the cursor, and a
 * 预览 that shows exactly what members will see. No rich editor: none works the same on weapp and H5.
 */
export function BodyEditor({
  value,
  error,
  placeholder,
  onChange,
}: {
  value: string;
  error?: string | undefined;
  placeholder: string;
  onChange(markup: string): void;
}) {
  const cursor = useRef<number | null>(null);
  const [preview, setPreview] = useState(false);
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  const [imageError, setImageError] = useState<string | undefined>();

  function insert(snippet: string) {
    const at = Math.min(cursor.current ?? value.length, value.length);
    const before = value.slice(0, at);
    // A block (heading, image) starts on its own line.
    const lead = snippet.startsWith('\n') && (before === '' || before.endsWith('\n')) ? snippet.slice(1) : snippet;
    onChange(before + lead + value.slice(at));
    cursor.current = at + lead.length;
    setPreview(false);
  }

  function insertImage() {
    const url = (imageUrl ?? '').trim();
    if (!isHttpsUrl(url)) {
      setImageError('图片网址须为 https:// 开头的完整网址');
      return;
    }
    insert(`\n![](${url})\n`);
    setImageUrl(null);
    setImageError(undefined);
  }

  const tools = [
    { label: '小标题', run: () => insert('\n# 小标题\n') },
    { label: '加粗', run: () => insert('**加粗文字**') },
    { label: '图片', run: () => setImageUrl(imageUrl === null ? '' : null) },
    { label: preview ? '编辑' : '预览', run: () => setPreview(!preview) },
  ];
  return (
    <View className="body-editor">
      <View className="body-editor-tools">
        {tools.map((tool) => (
          <Text key={tool.label} className="body-editor-tool" onClick={tool.run}>
            {tool.label}
          </Text>
        ))}
      </View>
      {imageUrl !== null ? (
        <View className="body-editor-image">
          <TextField
            label="图片网址"
            value={imageUrl}
            placeholder="https://…"
            error={imageError}
            onInput={(url) => setImageUrl(url)}
          />
          <View className="actions">
            <ActionButton kind="plain" onClick={insertImage}>
              插入图片
            </ActionButton>
          </View>
        </View>
      ) : null}
      {preview ? (
        <View className="body-editor-preview">
          <RichText className="prose" nodes={markupToHtml(value) || '<p>（正文为空）</p>'} />
        </View>
      ) : (
        <View className={`body-editor-box${error ? ' field--bad' : ''}`}>
          <Textarea
            className="body-editor-textarea"
            value={value}
            maxlength={MAX_BODY_CHARS}
            placeholder={placeholder}
            onInput={(event) => {
              cursor.current = event.detail.cursor ?? null;
              onChange(event.detail.value);
            }}
            onBlur={(event) => {
              cursor.current = (event.detail as { cursor?: number }).cursor ?? cursor.current;
            }}
          />
        </View>
      )}
      {error ? <Text className="field-error">{error}</Text> : null}
      <Text className="muted body-editor-help">
        “# ”开头的一行是小标题；**文字** 为加粗；空一行分段；图片须为 https 网址。
      </Text>
    </View>
  );
}
