// No enablePullDownRefresh: on H5 Taro wraps such a page in an inline <taro-pull-to-refresh-core>, which can
// take the taps meant for the cards below it once the list changes. The list reloads on show and after each decision.
export default definePageConfig({ navigationBarTitleText: '请假审批' });
