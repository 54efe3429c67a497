import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { StudySession } from '../../../../../shared/study/progress-schemas';
import { studyApi } from '../../../api/study';
import { errorMessage } from '../../../lib/errors';

/**
 * A server-timed study session (DESIGN §5.2): started when the page opens, a heartbeat every
 * `heartbeatSeconds` while the page is visible, `visible: false` when it is hidden (Taro page hide, H5
 * visibilitychange). Only the server's clock counts: this hook just reports, and shows the server's answer.
 */
export function useStudySession(itemId: string, enabled: boolean) {
  const [session, setSession] = useState<StudySession | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** When the server last answered, on this phone's clock: the display ticks on from there. */
  const [answeredAt, setAnsweredAt] = useState(0);
  const current = useRef<StudySession | null>(null);
  const visible = useRef(true);

  async function beat(shown: boolean) {
    const id = current.current?.id;
    if (!id || current.current?.completed) return;
    try {
      const answer = await studyApi.heartbeat(id, shown);
      current.current = answer.session;
      setSession(answer.session);
      setAnsweredAt(Date.now());
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: one session per opening of the page
  useEffect(() => {
    if (!enabled || current.current) return;
    studyApi
      .start(itemId)
      .then((answer) => {
        current.current = answer.session;
        setSession(answer.session);
        setAnsweredAt(Date.now());
      })
      .catch((caught) => setError(errorMessage(caught)));
  }, [enabled]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: restart the beat only for a new session
  useEffect(() => {
    if (!session) return;
    const handle = setInterval(() => {
      if (visible.current) void beat(true);
    }, session.heartbeatSeconds * 1000);
    return () => clearInterval(handle);
  }, [session?.id]);

  useDidShow(() => {
    visible.current = true;
    void beat(true);
  });
  useDidHide(() => {
    visible.current = false;
    void beat(false);
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: one listener for the page's life; beat reads refs
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    const onChange = () => {
      visible.current = document.visibilityState === 'visible';
      void beat(visible.current);
    };
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  function markCompleted() {
    if (current.current) current.current = { ...current.current, completed: true };
  }

  return { session, error, answeredAt, visible, markCompleted, beat };
}

/** The seconds to show: the server's count, ticking on since its last answer while visible, never past the need. */
export function shownSeconds(session: StudySession, answeredAt: number, visible: boolean, now: number): number {
  const since = visible ? Math.min(session.maxGapSeconds, Math.max(0, (now - answeredAt) / 1000)) : 0;
  return Math.min(session.requiredSeconds, Math.floor(session.countedSeconds + since));
}
