// No enablePullDownRefresh (as 请假审批): the list reloads on show and after each decision.
export default definePageConfig({ navigationBarTitleText: '基数审核' });
