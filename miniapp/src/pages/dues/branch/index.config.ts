// 党费总览 for committee staff (set by the page); no enablePullDownRefresh: it reloads on every show.
export default definePageConfig({ navigationBarTitleText: '党费收缴' });
