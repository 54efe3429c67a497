import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface StatusViewProps {
  loading: boolean;
  error: string | null;
  /** Whether there is data to show (then a reload keeps it on screen instead of a spinner). */
  hasData: boolean;
  onRetry(): void;
  children?: ReactNode;
}

/** Every screen's three states: first load, failure with 重试, and the content. */
export function StatusView({ loading, error, hasData, onRetry, children }: StatusViewProps) {
  if (hasData) {
    return (
      <>
        {error ? <ErrorBanner message={error} onRetry={onRetry} /> : null}
        {children}
      </>
    );
  }
  if (error) return <ErrorBlock message={error} onRetry={onRetry} />;
  if (loading) return <LoadingBlock />;
  return <>{children}</>;
}

export function LoadingBlock({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="status-block">
      <View className="status-spinner" />
      <Text className="status-text">{text}</Text>
    </View>
  );
}

export function ErrorBlock({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <View className="status-block">
      <Text className="status-icon">!</Text>
      <Text className="status-text status-error">{message}</Text>
      <View className="status-retry" onClick={onRetry}>
        重试
      </View>
    </View>
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

export function EmptyBlock({ text }: { text: string }) {
  return (
    <View className="status-block">
      <Text className="status-text">{text}</Text>
    </View>
  );
}
