import { Empty, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { FailureKind } from '../../lib/errors';
import { back, restart } from '../../lib/nav';
import type { Remote } from '../../lib/use-remote';
import { useSession } from '../../store/session';
import './index.scss';

interface StatusViewProps {
  loading: boolean;
  error: string | null;
  /** What the failure allows (default 'retry'): a 403/404 offers 返回/回首页, never a 重试 that cannot work. */
  failure?: FailureKind | null;
  /** Whether there is data to show (then a reload keeps it on screen instead of a spinner). */
  hasData: boolean;
  onRetry(): void;
  children?: ReactNode;
}

/** StatusView's props for one `useRemote` read: `<StatusView {...remoteStatus(detail)}>`. */
export function remoteStatus(remote: Remote<unknown>): Omit<StatusViewProps, 'children'> {
  return {
    loading: remote.loading,
    error: remote.error,
    failure: remote.failure,
    hasData: remote.data !== undefined && remote.data !== null,
    onRetry: () => void remote.reload(),
  };
}

/** Every screen's three states: first load, failure with 重试, and the content. */
export function StatusView({ loading, error, failure, hasData, onRetry, children }: StatusViewProps) {
  if (hasData) {
    return (
      <>
        {error ? <ErrorBanner message={error} onRetry={onRetry} /> : null}
        {children}
      </>
    );
  }
  if (error) return <ErrorBlock message={error} onRetry={onRetry} failure={failure ?? 'retry'} />;
  if (loading) return <LoadingBlock />;
  return <>{children}</>;
}

/** First load: NutUI's skeleton rows where the content will be, with the words for screen readers. */
export function LoadingBlock({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="status-loading" aria-busy="true">
      <Skeleton rows={3} animated />
      <Text className="status-text status-loading-text">{text}</Text>
    </View>
  );
}

function signInAgain(): void {
  useSession.getState().signOut();
  restart('login');
}

/** The ways out a failure allows, most useful first. */
function actionsFor(failure: FailureKind, onRetry: () => void): { label: string; run: () => void }[] {
  if (failure === 'sign_in') return [{ label: '重新登录', run: signInAgain }];
  const leave = [
    { label: '返回', run: () => back() },
    { label: '回首页', run: () => restart('home') },
  ];
  return failure === 'leave' ? leave : [{ label: '重试', run: onRetry }, leave[0]!];
}

export function ErrorBlock({
  message,
  onRetry,
  failure = 'retry',
}: {
  message: string;
  onRetry(): void;
  failure?: FailureKind;
}) {
  const [first, ...others] = actionsFor(failure, onRetry);
  // Empty's own pictures come from a JD CDN; ours is a plain mark that needs no network.
  return (
    <Empty
      className="status-block"
      image={<Text className="status-icon">!</Text>}
      imageSize={48}
      description={<Text className="status-text status-error">{message}</Text>}
    >
      {first ? (
        <View className="status-retry" onClick={first.run}>
          {first.label}
        </View>
      ) : null}
      {others.map((action) => (
        <View key={action.label} className="status-secondary" onClick={action.run}>
          {action.label}
        </View>
      ))}
    </Empty>
  );
}

export function ErrorBanner({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <View className="status-banner">
      <Text className="status-banner-text">{message}</Text>
      <View className="status-banner-retry" onClick={onRetry}>
        重试
      </View>
    </View>
  );
}

/** Nothing to show: NutUI's Empty with our words (its pictures would load from a third-party CDN). */
export function EmptyBlock({ text }: { text: string }) {
  return (
    <Empty
      className="status-block status-empty"
      image={<Text className="status-empty-mark">空</Text>}
      imageSize={48}
      description={<Text className="status-text">{text}</Text>}
    />
  );
}
