import { mainPackagePages, PAGES, subPackages, TABS } from './routes';

export default defineAppConfig({
  pages: mainPackagePages(),
  subPackages: subPackages(),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '先锋',
    navigationBarTextStyle: 'white',
    // WeChat draws its own bar; on H5 this makes Taro draw one too — the page's title with 返回 / 首页.
    navigationStyle: 'default',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: TABS.map((tab) => ({
      pagePath: PAGES[tab.page],
      text: tab.text,
      iconPath: `assets/tab/${tab.icon}.png`,
      selectedIconPath: `assets/tab/${tab.icon}-active.png`,
    })),
  },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于活动签到时确认您在活动地点附近' },
  },
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
