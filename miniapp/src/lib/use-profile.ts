import { useDidShow } from '@tarojs/taro';
import { authApi } from '../api/auth';
import { useSession } from '../store/session';
import { useRemote } from './use-remote';

/**
 * The signed-in member: shown at once from the session, refreshed from GET /v1/me whenever the page shows
 * (roles or branch may have changed since login).
 */
export function useProfile() {
  const member = useSession((state) => state.member);
  const branchName = useSession((state) => state.branchName);
  const remote = useRemote(
    async () => {
      const me = await authApi.me();
      useSession.getState().setMember(me.member, me.branch.name);
      return me;
    },
    { immediate: false },
  );
  useDidShow(() => {
    if (useSession.getState().token) void remote.reload();
  });
  return { member, branchName, loading: remote.loading && !member, error: remote.error, reload: remote.reload };
}
