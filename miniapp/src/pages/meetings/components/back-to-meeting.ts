import Taro from '@tarojs/taro';
import { replace } from '../../../lib/nav';

/** Back to the meeting's page: the previous page when there is one (it reloads on show), else opened afresh. */
export function backToMeeting(id: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else replace('activityDetail', { id });
}
