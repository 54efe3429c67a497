/**
 * This phone's display settings (大字模式). Kept in Taro storage, apart from the session: signing out must not
 * make an older member's text small again.
 */
import Taro from '@tarojs/taro';
import { create } from 'zustand';

const STORAGE_KEY = 'xianfeng.settings';

interface Persisted {
  largeText: boolean;
}

export interface SettingsState extends Persisted {
  setLargeText(on: boolean): void;
}

function load(): Persisted {
  try {
    const stored = Taro.getStorageSync(STORAGE_KEY) as Partial<Persisted> | '';
    return { largeText: typeof stored === 'object' && stored?.largeText === true };
  } catch {
    return { largeText: false };
  }
}

export const useSettings = create<SettingsState>((set) => ({
  ...load(),
  setLargeText(on) {
    Taro.setStorageSync(STORAGE_KEY, { largeText: on });
    set({ largeText: on });
  },
}));
