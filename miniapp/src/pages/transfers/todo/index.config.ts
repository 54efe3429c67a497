// No enablePullDownRefresh (as 请假审批): the list is read again every time the page shows.
export default definePageConfig({ navigationBarTitleText: '待我审批' });
