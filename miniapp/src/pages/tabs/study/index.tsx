import { Text, View } from '@tarojs/components';
import { PageRoot } from '../../../components/page-root';
import './index.scss';

/** This release has no study feature: say so plainly instead of showing a made-up list. */
export default function StudyPage() {
  return (
    <PageRoot className="study">
      <View className="card study-card">
        <Text className="study-icon">学</Text>
        <Text className="study-title">党建知识学习即将上线</Text>
        <Text className="study-text">学习内容、学习打卡和连续学习天数将在后续版本提供，敬请期待。</Text>
      </View>
    </PageRoot>
  );
}
